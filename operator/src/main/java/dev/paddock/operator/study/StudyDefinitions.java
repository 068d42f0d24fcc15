package dev.paddock.operator.study;

import dev.paddock.api.v1alpha1.AshaSettings;
import dev.paddock.api.v1alpha1.BudgetSpec;
import dev.paddock.api.v1alpha1.EarlyStoppingSpec;
import dev.paddock.api.v1alpha1.GradeThresholds;
import dev.paddock.api.v1alpha1.TrainingStudySpec;
import dev.paddock.operator.grading.Grade;
import dev.paddock.operator.grading.Grader;
import dev.paddock.operator.grading.GradingSpec;
import dev.paddock.operator.pruning.EarlyStopping;
import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.Objective;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** Reads a {@code TrainingStudy} spec into a {@link StudyDefinition}. */
public final class StudyDefinitions {

  private StudyDefinitions() {}

  /**
   * @throws InvalidStudyException naming the field, for what the schema cannot check
   */
  public static StudyDefinition from(String name, TrainingStudySpec spec) {
    try {
      Direction direction = Direction.parse(spec.objective().direction().name());
      Objective objective =
          new Objective(spec.objective().metric(), direction, spec.objective().goal());
      GradingSpec grading = grading(spec);
      Direction gradingDirection = gradingDirection(spec, direction);
      if (grading != null) {
        // As the grader reads them: by the graded metric's direction (the CRD checks the same).
        Grader.validate(grading, gradingDirection);
      }
      return new StudyDefinition(
          name,
          objective,
          spec.metrics(),
          SearchSpecs.from(spec.search()),
          budget(spec.budget()),
          earlyStopping(spec.earlyStopping()),
          spec.trial().epochs(),
          Objects.requireNonNullElse(spec.trial().maxRetries(), 0),
          grading,
          gradingDirection);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidStudyException("study " + name + ": " + e.getMessage(), e);
    }
  }

  private static Direction gradingDirection(TrainingStudySpec spec, Direction objective) {
    var grading = spec.grading();
    if (grading != null && grading.direction() != null) {
      return Direction.parse(grading.direction().name());
    }
    boolean separateMetric =
        grading != null
            && grading.metric() != null
            && !grading.metric().equals(spec.objective().metric());
    return separateMetric ? Direction.MAXIMIZE : objective;
  }

  private static StudyDefinition.Budget budget(BudgetSpec budget) {
    return new StudyDefinition.Budget(
        budget.maxTrials(),
        Objects.requireNonNullElse(budget.parallelism(), 1),
        budget.maxFailedTrials(),
        budget.maxGpuHours());
  }

  private static EarlyStopping earlyStopping(EarlyStoppingSpec spec) {
    if (spec == null) {
      return EarlyStopping.NONE_SPEC;
    }
    AshaSettings asha = spec.asha();
    return new EarlyStopping(
        EarlyStopping.Algorithm.parse(spec.algorithm().name()),
        Objects.requireNonNullElse(spec.minTrials(), 0),
        Objects.requireNonNullElse(spec.startEpoch(), 0),
        asha == null
            ? null
            : new EarlyStopping.Asha(
                Objects.requireNonNullElse(
                    asha.minEpochs(), EarlyStopping.Asha.DEFAULTS.minEpochs()),
                Objects.requireNonNullElse(
                    asha.reductionFactor(), EarlyStopping.Asha.DEFAULTS.reductionFactor())));
  }

  private static GradingSpec grading(TrainingStudySpec spec) {
    dev.paddock.api.v1alpha1.GradingSpec grading = spec.grading();
    if (grading == null) {
      return null;
    }
    GradingSpec.Mode mode =
        grading.mode() != null
            ? GradingSpec.Mode.parse(grading.mode().name())
            : grading.thresholds() != null
                ? GradingSpec.Mode.THRESHOLDS
                : GradingSpec.Mode.PERCENTILE;
    return new GradingSpec(
        grading.metric(), mode, thresholds(grading.thresholds()), grading.code());
  }

  private static Map<Grade, Double> thresholds(GradeThresholds t) {
    Map<Grade, Double> result = new EnumMap<>(Grade.class);
    if (t != null) {
      result.put(Grade.S, t.S());
      result.put(Grade.A, t.A());
      result.put(Grade.B, t.B());
      result.put(Grade.C, t.C());
      result.put(Grade.D, t.D());
    }
    return result;
  }
}
