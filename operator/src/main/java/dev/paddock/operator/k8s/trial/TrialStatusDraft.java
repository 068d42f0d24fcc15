package dev.paddock.operator.k8s.trial;

import dev.paddock.api.v1alpha1.Grade;
import dev.paddock.api.v1alpha1.MetricSummary;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.api.v1alpha1.TrialStatus;
import dev.paddock.operator.k8s.ClusterSettings;
import java.util.List;
import java.util.Map;

/** A trial's status being edited: starts from the current one, ends as a fresh record. */
final class TrialStatusDraft {
  TrialPhase phase;
  Integer attempts;
  Integer epoch;
  Double objective;
  Map<String, MetricSummary> metrics;
  List<List<Double>> curve;
  Grade grade;
  String code;
  String artifacts;
  String archived;
  Long gpuSeconds;
  String reason;
  String message;
  String startTime;
  String completionTime;

  /**
   * Records where the trial's artifacts go, with its first status write, whichever that is
   * (Running, Pending, or its ending for a trial that ran within its grace).
   */
  void recordArtifacts(ClusterSettings settings, Trial trial) {
    if (artifacts == null) {
      artifacts = TrialEnvironment.artifacts(settings, trial.getMetadata().getNamespace(), trial);
    }
  }

  static TrialStatusDraft of(TrialStatus s) {
    TrialStatusDraft d = new TrialStatusDraft();
    if (s != null) {
      d.phase = s.phase();
      d.attempts = s.attempts();
      d.epoch = s.epoch();
      d.objective = s.objective();
      d.metrics = s.metrics();
      d.curve = s.curve();
      d.grade = s.grade();
      d.code = s.code();
      d.artifacts = s.artifacts();
      d.archived = s.archived();
      d.gpuSeconds = s.gpuSeconds();
      d.reason = s.reason();
      d.message = s.message();
      d.startTime = s.startTime();
      d.completionTime = s.completionTime();
    }
    return d;
  }

  TrialStatus build() {
    return new TrialStatus(
        phase,
        attempts,
        epoch,
        objective,
        metrics,
        curve,
        grade,
        code,
        artifacts,
        archived,
        gpuSeconds,
        reason,
        message,
        startTime,
        completionTime);
  }
}
