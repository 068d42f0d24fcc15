package dev.paddock.operator.k8s.trial;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.api.v1alpha1.TrialStatus;
import dev.paddock.operator.k8s.ClusterSettings;
import dev.paddock.operator.k8s.KubeEvents;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The end of a trial whose Job has ended: its final status from the Job and its pods, graded and
 * coded ({@link TrialFinisher}), written once, and told in an event ({@link TrialEndEvents}).
 */
final class TrialEnd {

  private final ClusterSettings settings;
  private final Clock clock;

  TrialEnd(ClusterSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Writes the trial's final status.
   *
   * @param siblings the study's trials, this one among them (grading ranks it against them)
   * @return the status written; empty when the trial had ended already
   */
  Optional<TrialStatus> write(
      Context<Trial> context, TrainingStudy study, Trial trial, Job job, List<Trial> siblings) {
    KubernetesClient client = context.getClient();
    List<Pod> pods = TrialPods.current(client, trial);
    PodHistory history = PodHistory.of(pods);
    String recordedStart = trial.getStatus() == null ? null : trial.getStatus().startTime();
    JobOutcome outcome = JobOutcome.of(job, pods, recordedStart);
    TrialFinisher finisher = new TrialFinisher(study, settings.gpuResource(), clock);
    // Optimistic locking finishes the trial once, and never over the report endpoint's writes
    // (the pruning reason, the latest curve) that the informer may not have seen yet.
    Optional<TrialStatus> finished =
        TrialStatusWriter.write(
                trial,
                context,
                current -> {
                  TrialStatusDraft status = TrialStatusDraft.of(current.getStatus());
                  if (TrialReconciler.isFinished(status.phase)) {
                    return Optional.empty();
                  }
                  // A trial whose pod ran within its grace ends with no status written before,
                  // and one whose first pod was disrupted before it started was never Running.
                  status.attempts = TrialProgress.attemptsAtEnd(status, history);
                  if (status.startTime == null) {
                    status.startTime = PodHistory.trainerStart(pods).orElse(null);
                  }
                  status.recordArtifacts(settings, trial);
                  finisher.finish(current, status, outcome, siblings);
                  return Optional.of(status.build());
                })
            .map(Trial::getStatus);
    finished.ifPresent(status -> announce(client, trial, status, siblings));
    return finished;
  }

  private void announce(
      KubernetesClient client, Trial trial, TrialStatus status, List<Trial> siblings) {
    Stream<TrialPhase> others =
        siblings.stream()
            .filter(t -> !t.getMetadata().getName().equals(trial.getMetadata().getName()))
            .map(t -> t.getStatus() == null ? null : t.getStatus().phase());
    if (!TrialEndEvents.recorded(status.phase(), others)) {
      return;
    }
    KubeEvents events = new KubeEvents(client, clock);
    String summary =
        status.phase()
            + (status.code() == null ? "" : " " + status.code())
            + ": "
            + status.message();
    if (status.phase() == TrialPhase.Failed) {
      events.warning(trial, status.reason(), summary);
    } else {
      events.normal(trial, status.reason(), summary);
    }
  }
}
