package dev.paddock.operator.k8s.study;

import dev.paddock.api.v1alpha1.StudyPhase;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.TrainingStudyStatus;
import dev.paddock.operator.k8s.KubeEvents;
import dev.paddock.operator.k8s.ReconcileErrors;
import dev.paddock.operator.study.StudySchedule;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Instant;

/** The events a study's reconcile records, so that {@code kubectl describe} tells its story. */
final class StudyEvents {

  private final KubeEvents events;

  StudyEvents(KubernetesClient client, Clock clock) {
    this.events = new KubeEvents(client, clock);
  }

  /** An event when the study's phase or its reason changes: a Warning when it failed. */
  void phase(TrainingStudy study, StudyPhase phase, String reason, String message) {
    if (!changes(study.getStatus(), phase, reason)) {
      return;
    }
    if (phase == StudyPhase.Failed) {
      events.warning(study, reason, message);
    } else {
      events.normal(study, reason, message);
    }
  }

  /** Whether {@code phase} and {@code reason} differ from what the previous status says. */
  static boolean changes(TrainingStudyStatus previous, StudyPhase phase, String reason) {
    return previous == null
        || previous.phase() != phase
        || previous.conditions() == null
        || previous.conditions().stream().noneMatch(c -> reason.equals(c.getReason()));
  }

  /** A scheduled run has started. */
  void runStarted(TrainingStudy study, StudyRun run, StudySchedule schedule, Instant due) {
    events.normal(
        study,
        "RunStarted",
        "run "
            + run.generation()
            + " started by schedule '"
            + schedule.expression()
            + "' (due "
            + due
            + ")");
  }

  /**
   * A Warning when Kueue cannot admit the study's trials (its queue does not exist, or is stopped),
   * once: when the study's QueueReady condition does not say so yet.
   */
  void queue(TrainingStudy study, StudyQueue queue) {
    if (queue.inadmissible() == null
        || (study.getStatus() != null
            && StudyQueue.saidInadmissible(study.getStatus().conditions()))) {
      return;
    }
    events.warning(
        study,
        StudyQueue.INADMISSIBLE,
        "Kueue cannot admit the trials' Jobs from queue "
            + study.getSpec().scheduling().queueName()
            + ": "
            + queue.inadmissible());
  }

  /** The study's reconcile keeps failing ({@link ReconcileErrors}). */
  void stalled(TrainingStudy study, String message) {
    events.warning(study, ReconcileErrors.REASON, message);
  }
}
