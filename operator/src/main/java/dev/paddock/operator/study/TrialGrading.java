package dev.paddock.operator.study;

import dev.paddock.operator.grading.Grade;
import dev.paddock.operator.grading.Grader;
import dev.paddock.operator.grading.GradingSpec;
import dev.paddock.operator.grading.TrialCodeInput;
import dev.paddock.operator.grading.TrialCodeRenderer;
import dev.paddock.operator.grading.TrialCodeTemplate;
import dev.paddock.operator.search.CurvePoint;
import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.TrialObservation;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Grades a finished trial and renders its code, the same way in the cluster and locally. A study
 * without a {@code grading} block is graded by percentile with the code {@code {grade}-{index}};
 * one whose block has no {@code code} gets that code too.
 */
public final class TrialGrading {

  static final GradingSpec DEFAULT = GradingSpec.percentile("{grade}-{index}");

  private final StudyDefinition study;
  private final GradingSpec grading;
  private final TrialCodeRenderer renderer;

  public TrialGrading(StudyDefinition study) {
    this.study = study;
    this.grading = Objects.requireNonNullElse(study.grading(), DEFAULT);
    Set<String> extra = new HashSet<>();
    if (study.search().ensemble() != null) {
      extra.add(study.search().ensemble().seedParameter());
      extra.addAll(study.search().ensemble().parameters().keySet());
    }
    // A grading block without a code template names trials as a study without grading does.
    String code = Objects.requireNonNullElse(grading.code(), DEFAULT.code());
    this.renderer =
        new TrialCodeRenderer(TrialCodeTemplate.parse(code, study.search().space(), extra));
  }

  /**
   * @param trial the finished trial (its curve holds the objective by epoch)
   * @param finalMetrics the metrics of its last epoch (termination message or last report)
   * @param others the graded metric of the study's other finished trials (percentile mode)
   * @param finished the day it finished, for {@code {date}}
   * @param takenCodes codes already given in the study, so this one is unique
   */
  public TrialResult grade(
      TrialObservation trial,
      Map<String, Double> finalMetrics,
      List<Double> others,
      LocalDate finished,
      Set<String> takenCodes) {
    Double objective = bestObjective(trial, finalMetrics);
    Double graded = gradedValue(objective, finalMetrics);
    Grade grade =
        graded == null || graded.isNaN()
            ? Grade.F
            : Grader.grade(grading, study.gradingDirection(), graded, others);
    String code =
        renderer.render(
            new TrialCodeInput(trial.index(), grade, finished, objective, trial.parameters()),
            takenCodes);
    return new TrialResult(objective, grade, code);
  }

  /** The value a trial is graded on: the objective, or {@code grading.metric}'s final value. */
  public Double gradedValue(Double objective, Map<String, Double> finalMetrics) {
    String metric = grading.metricOr(study.objective().metric());
    return metric.equals(study.objective().metric()) ? objective : finalMetrics.get(metric);
  }

  /** The best objective over the curve, or the final metrics' value when there is no curve. */
  public Double bestObjective(TrialObservation trial, Map<String, Double> finalMetrics) {
    Direction direction = study.objective().direction();
    Double best = finalMetrics.get(study.objective().metric());
    if (best != null && best.isNaN()) {
      best = null;
    }
    for (CurvePoint point : trial.curve()) {
      if (!Double.isNaN(point.value())
          && (best == null || direction.isBetter(point.value(), best))) {
        best = point.value();
      }
    }
    return best;
  }
}
