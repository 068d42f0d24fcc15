package dev.paddock.operator.k8s.trial;

import dev.paddock.api.v1alpha1.Grade;
import dev.paddock.api.v1alpha1.MetricSummary;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.api.v1alpha1.TrialStatus;
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
