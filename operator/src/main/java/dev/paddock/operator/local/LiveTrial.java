package dev.paddock.operator.local;

import dev.paddock.api.v1alpha1.Grade;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.api.v1alpha1.TrialSpec;
import dev.paddock.api.v1alpha1.TrialStatus;
import dev.paddock.operator.search.CurvePoint;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.search.TrialState;
import dev.paddock.operator.study.ProgressStatus;
import dev.paddock.operator.study.StudyDefinition;
import dev.paddock.operator.study.StudyTrial;
import dev.paddock.operator.study.SuggestionBasis;
import dev.paddock.operator.study.TrialProgress;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One trial of a local run: its record, its reported epochs and its process. */
final class LiveTrial {

  final String name;
  final TrialSpec spec;
  final TrialProgress progress;
  TrialPhase phase = TrialPhase.Pending;
  int attempts;
  String reason;
  String message;
  Instant startTime;
  Instant completionTime;
  Double objective;
  Grade grade;
  String code;
  String archived;
  String artifacts;
  Map<String, Double> finalMetrics = Map.of();
  TrialProcess process;

  /** Why the runner asked the trainer to stop, if it did. */
  String stopRequested;

  /** The history its suggestion was computed from, kept in its record; null when unknown. */
  SuggestionBasis basis;

  LiveTrial(String name, TrialSpec spec, StudyDefinition study) {
    this.name = name;
    this.spec = spec;
    this.progress = new TrialProgress(study.objective().metric(), study.objective().direction());
  }

  /** Rebuilds a trial from its record (a resumed run). */
  static LiveTrial from(Trial record, StudyDefinition study) {
    LiveTrial trial = new LiveTrial(record.getMetadata().getName(), record.getSpec(), study);
    Map<String, String> annotations = record.getMetadata().getAnnotations();
    if (annotations != null) {
      trial.basis = SuggestionBasis.parse(annotations.get(SuggestionBasis.ANNOTATION)).orElse(null);
    }
    TrialStatus status = record.getStatus();
    if (status != null) {
      trial.phase = status.phase() == null ? TrialPhase.Pending : status.phase();
      trial.attempts = status.attempts() == null ? 0 : status.attempts();
      trial.reason = status.reason();
      trial.message = status.message();
      trial.objective = status.objective();
      trial.grade = status.grade();
      trial.code = status.code();
      trial.archived = status.archived();
      trial.artifacts = status.artifacts();
      trial.startTime = status.startTime() == null ? null : Instant.parse(status.startTime());
      trial.completionTime =
          status.completionTime() == null ? null : Instant.parse(status.completionTime());
      if (status.curve() != null) {
        status
            .curve()
            .forEach(
                p ->
                    trial.progress.record(
                        p.get(0).intValue(), Map.of(study.objective().metric(), p.get(1))));
      }
    }
    return trial;
  }

  boolean isFinished() {
    return phase == TrialPhase.Succeeded
        || phase == TrialPhase.Failed
        || phase == TrialPhase.Pruned;
  }

  TrialState state() {
    return switch (phase) {
      case Succeeded -> TrialState.SUCCEEDED;
      case Failed -> TrialState.FAILED;
      case Pruned -> TrialState.PRUNED;
      case Pending, Running, Preempted -> TrialState.RUNNING;
    };
  }

  TrialObservation observation() {
    Double value = isFinished() ? objective : null;
    return new TrialObservation(spec.index(), spec.parameters(), state(), value, progress.curve());
  }

  StudyTrial studyTrial() {
    return new StudyTrial(name, observation(), grade == null ? null : grade.name(), code, basis);
  }

  RunSnapshot.Row row() {
    Double shown = objective;
    List<CurvePoint> curve = objective == null ? progress.curve() : List.of();
    if (!curve.isEmpty()) {
      shown = curve.get(curve.size() - 1).value();
    }
    return new RunSnapshot.Row(
        name,
        spec.parameters(),
        progress.lastEpoch(),
        spec.epochs(),
        shown,
        grade == null ? null : grade.name(),
        code,
        phase.name());
  }

  Trial toRecord(String namespace, List<String> keptMetrics) {
    Trial trial = new Trial();
    trial.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    if (basis != null) {
      trial.getMetadata().setAnnotations(Map.of(SuggestionBasis.ANNOTATION, basis.toText()));
    }
    trial.setSpec(spec);
    trial.setStatus(status(keptMetrics));
    return trial;
  }

  private TrialStatus status(List<String> keptMetrics) {
    return new TrialStatus(
        phase,
        attempts,
        progress.lastEpoch(),
        objective != null ? objective : bestSoFar(),
        ProgressStatus.metrics(progress, keptMetrics),
        ProgressStatus.curve(progress),
        grade,
        code,
        artifacts,
        archived,
        null,
        reason,
        message,
        startTime == null ? null : startTime.toString(),
        completionTime == null ? null : completionTime.toString());
  }

  private Double bestSoFar() {
    Map<String, double[]> summary = progress.summaries(List.of(progress.objectiveMetric()));
    double[] values = summary.get(progress.objectiveMetric());
    return values == null ? null : values[1];
  }
}
