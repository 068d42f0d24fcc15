package dev.paddock.operator.k8s.trial;

import dev.paddock.api.v1alpha1.TrialPhase;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A running trial's status from its Job and pods, short of its ending ({@link TrialFinisher}):
 * Running, Preempted, or Pending with what holds it up. Pure, so that when the pods must be read
 * and what is then written are tested without a cluster.
 */
final class TrialProgress {

  private TrialProgress() {}

  /**
   * Whether the trial's pods must be read to bring its status up to date with its Job.
   *
   * @param recorded the trial's phase as recorded, null before its first status write
   * @param graceOver the Job is older than the grace within which most pods start
   */
  static boolean podsNeeded(JobProgress job, TrialPhase recorded, boolean graceOver) {
    if (recorded == null) {
      return job.ready() || graceOver;
    }
    return switch (recorded) {
      // Not ready without having succeeded: disrupted, failed or restarted.
      case Running -> !job.ready() && !job.podSucceeded();
      // Started, or something else may now hold it up (a suspended Job waits for its queue).
      case Pending, Preempted -> job.ready() || !job.suspended();
      default -> false;
    };
  }

  /**
   * What the pods would say when the Job alone tells it: a new trial whose pod is ready, with no
   * failure and none terminating, runs its first attempt, and its pods need no read.
   */
  static Optional<PodHistory> firstStart(JobProgress job, TrialPhase recorded) {
    boolean first = recorded == null && job.ready() && job.failed() == 0 && job.terminating() == 0;
    return first ? Optional.of(new PodHistory(1, 0, true, Optional.empty())) : Optional.empty();
  }

  /**
   * Brings {@code status} up to date with the pods; false if there is nothing to write (no new
   * phase, attempt or reason).
   */
  static boolean update(
      TrialStatusDraft status, PodHistory pods, PendingReason waiting, Instant now) {
    TrialPhase phase =
        pods.running()
            ? TrialPhase.Running
            : pods.disruptions() > 0 ? TrialPhase.Preempted : TrialPhase.Pending;
    int attempts = Math.max(Objects.requireNonNullElse(status.attempts, 1), pods.attempts());
    if (!changes(status, phase, attempts, waiting)) {
      return false;
    }
    boolean stopDecided = "Pruned".equals(status.reason);
    status.phase = phase;
    status.attempts = attempts;
    if (phase == TrialPhase.Running && status.startTime == null) {
      status.startTime = now.toString();
    }
    if (!stopDecided) {
      explain(status, phase, attempts, pods, waiting);
    }
    return true;
  }

  private static boolean changes(
      TrialStatusDraft status, TrialPhase phase, int attempts, PendingReason waiting) {
    boolean sameAttempt = Objects.equals(attempts, status.attempts);
    if (phase == status.phase && sameAttempt) {
      // A waiting trial is written again only when what holds it up changes.
      return phase == TrialPhase.Pending
          && !"Pruned".equals(status.reason)
          && !waiting.reason().equals(status.reason);
    }
    // Its pod has ended but the Job controller has not said so yet: not Pending again, and no
    // write; the Job's end comes next.
    return !(phase == TrialPhase.Pending && status.phase == TrialPhase.Running && sameAttempt);
  }

  private static void explain(
      TrialStatusDraft status,
      TrialPhase phase,
      int attempts,
      PodHistory pods,
      PendingReason waiting) {
    switch (phase) {
      case Running -> {
        status.reason = "Running";
        status.message = "the trainer is running (attempt " + attempts + ")";
      }
      case Preempted -> {
        status.reason = "Preempted";
        status.message =
            "disrupted "
                + pods.disruptions()
                + " time(s), latest: "
                + pods.disruption().orElse("DisruptionTarget")
                + "; retried without counting as a failure, resuming from the last checkpoint";
      }
      default -> {
        status.reason = waiting.reason();
        status.message = waiting.message();
      }
    }
  }
}
