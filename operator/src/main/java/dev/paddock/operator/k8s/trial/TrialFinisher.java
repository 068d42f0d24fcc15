package dev.paddock.operator.k8s.trial;

import dev.paddock.api.v1alpha1.Grade;
import dev.paddock.api.v1alpha1.MetricSummary;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.api.v1alpha1.TrialStatus;
import dev.paddock.operator.k8s.StudyTrials;
import dev.paddock.operator.search.CurvePoint;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.study.StudyDefinition;
import dev.paddock.operator.study.StudyDefinitions;
import dev.paddock.operator.study.TrialGrading;
import dev.paddock.operator.study.TrialResult;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Turns a finished Job's outcome into the trial's phase, objective, grade and code. */
final class TrialFinisher {

  private final StudyDefinition study;
  private final TrialGrading grading;
  private final Clock clock;

  private final long gpusPerTrial;

  TrialFinisher(TrainingStudy study, String gpuResource, Clock clock) {
    this.gpusPerTrial = GpuCount.of(study, gpuResource);
    this.study = StudyDefinitions.from(study.getMetadata().getName(), study.getSpec());
    this.grading = new TrialGrading(this.study);
    this.clock = clock;
  }

  void finish(Trial trial, TrialStatusDraft status, JobOutcome outcome, List<Trial> siblings) {
    status.completionTime = clock.instant().toString();
    status.epoch = Math.max(Objects.requireNonNullElse(status.epoch, 0), outcome.epoch());
    status.gpuSeconds = outcome.heldSeconds() * gpusPerTrial;
    status.metrics = summaries(status.metrics, outcome.metrics());
    if (!outcome.succeeded() || "failed".equals(outcome.status())) {
      status.phase = TrialPhase.Failed;
      status.reason = "Failed";
      status.message = Objects.requireNonNullElse(outcome.error(), "the trial's Job failed");
      return;
    }
    boolean stopped = "stopped".equals(outcome.status());
    // The report endpoint wrote why it stopped the trial; an older message ("the trainer is
    // running") would say nothing about the ending.
    boolean stopExplained = "Pruned".equals(status.reason) && status.message != null;
    status.phase = stopped ? TrialPhase.Pruned : TrialPhase.Succeeded;
    status.reason = stopped ? "Pruned" : "Completed";
    status.message =
        stopped
            ? (stopExplained ? status.message : "stopped early")
            : "trained " + status.epoch + " epochs" + note(outcome);
    TrialObservation observation = StudyTrials.of(trial).observation();
    TrialObservation withCurve =
        new TrialObservation(
            observation.index(),
            observation.parameters(),
            observation.state(),
            null,
            curve(status, outcome));
    Others others = Others.of(trial, siblings);
    TrialResult result =
        grading.grade(
            withCurve,
            outcome.metrics(),
            others.graded(),
            clock.instant().atZone(ZoneOffset.UTC).toLocalDate(),
            others.codes());
    status.objective = result.objective();
    status.grade = Grade.valueOf(result.grade().name());
    status.code = result.code();
  }

  /**
   * What went wrong on the way without failing the trial (a collector's garbled lines, reports the
   * operator never got): said in the message, not lost.
   */
  private static String note(JobOutcome outcome) {
    return outcome.error() == null || outcome.error().isBlank() ? "" : "; note: " + outcome.error();
  }

  private List<CurvePoint> curve(TrialStatusDraft status, JobOutcome outcome) {
    List<CurvePoint> curve = new ArrayList<>();
    if (status.curve != null) {
      status.curve.forEach(p -> curve.add(new CurvePoint(p.get(0).intValue(), p.get(1))));
    }
    Double last = outcome.metrics().get(study.objective().metric());
    if (last != null
        && outcome.epoch() > 0
        && curve.stream().noneMatch(p -> p.epoch() == outcome.epoch())) {
      curve.add(new CurvePoint(outcome.epoch(), last));
      status.curve = new ArrayList<>(status.curve == null ? List.of() : status.curve);
      status.curve.add(List.of((double) outcome.epoch(), last));
    }
    return curve;
  }

  private Map<String, MetricSummary> summaries(
      Map<String, MetricSummary> current, Map<String, Double> last) {
    Map<String, MetricSummary> result =
        new LinkedHashMap<>(Objects.requireNonNullElse(current, Map.of()));
    List<String> kept = new ArrayList<>(study.metrics());
    kept.add(0, study.objective().metric());
    for (String metric : kept) {
      Double value = last.get(metric);
      if (value != null) {
        MetricSummary before = result.get(metric);
        result.put(
            metric,
            new MetricSummary(
                value, before == null || before.best() == null ? value : before.best()));
      }
    }
    return result;
  }

  /**
   * The study's other trials as grading needs them, in one pass over them (a study may hold
   * thousands, and each ending trial reads them): the graded ones' objectives and every code given.
   */
  private record Others(List<Double> graded, Set<String> codes) {

    static Others of(Trial trial, List<Trial> siblings) {
      List<Double> graded = new ArrayList<>();
      Set<String> codes = new HashSet<>();
      String name = trial.getMetadata().getName();
      for (Trial other : siblings) {
        TrialStatus status = other.getStatus();
        if (status == null || other.getMetadata().getName().equals(name)) {
          continue;
        }
        if (status.grade() != null && status.objective() != null) {
          graded.add(status.objective());
        }
        if (status.code() != null) {
          codes.add(status.code());
        }
      }
      return new Others(graded, codes);
    }
  }
}
