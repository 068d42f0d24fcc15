package dev.paddock.operator.k8s.trial;

import dev.paddock.api.v1alpha1.TrialPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A running trial's status from its Job and pods, short of its ending ({@link TrialFinisher}):
 * Running, Preempted, or Pending with what holds it up. Pure, so that when the pods must be read
 * and what is then written are tested without a cluster.
 */
final class TrialProgress {

  private static final String RETRIED =
      "retried without counting as a failure, resuming from the last checkpoint";

  private static final Duration MIN_RECHECK = Duration.ofSeconds(30);
  private static final Duration MAX_RECHECK = Duration.ofMinutes(5);

  private TrialProgress() {}

  /**
   * When a waiting trial is looked at again for what holds it up, having waited {@code waited}: a
   * quarter of its wait, from 30 s to 5 min, so that a long queue of waiting trials (no Kueue to
   * hold their Jobs) costs the API server few reads.
   */
  static Duration recheckAfter(Duration waited) {
    Duration quarter = waited.dividedBy(4);
    if (quarter.compareTo(MIN_RECHECK) < 0) {
      return MIN_RECHECK;
    }
    return quarter.compareTo(MAX_RECHECK) > 0 ? MAX_RECHECK : quarter;
  }

  /**
   * Whether the trial's pods must be read to bring its status up to date with its Job.
   *
   * @param recorded the trial's phase as recorded, null before its first status write
   * @param graceOver the Job is older than the grace within which most pods start
   */
  static boolean podsNeeded(JobProgress job, TrialPhase recorded, boolean graceOver) {
    if (recorded == null) {
      // A pod being deleted before it ran (preempted, evicted) is gone soon: read it now, or the
      // disruption, and the attempt it cost, is never seen.
      return job.ready() || graceOver || job.terminating() > 0;
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
    return first ? Optional.of(PodHistory.FIRST_RUNNING) : Optional.empty();
  }

  /**
   * Brings {@code status} up to date with the pods; false if there is nothing to write (no new
   * phase, attempt or reason).
   */
  static boolean update(
      TrialStatusDraft status, PodHistory pods, PendingReason waiting, Instant now) {
    boolean wasRunning = status.phase == TrialPhase.Running;
    TrialPhase phase = phaseOf(status.phase, pods);
    int attempts = attempts(status, phase, pods);
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
      explain(status, phase, attempts, pods, waiting, wasRunning);
    }
    return true;
  }

  private static TrialPhase phaseOf(TrialPhase recorded, PodHistory pods) {
    if (pods.running()) {
      return TrialPhase.Running;
    }
    if (pods.disruptions() > 0) {
      return TrialPhase.Preempted;
    }
    if (recorded == TrialPhase.Running && !pods.anyEnded()) {
      // Its pod ran and is gone, or going, without having ended: it was deleted (by preemption,
      // eviction, node loss or a person), and the Job runs another.
      return TrialPhase.Preempted;
    }
    // A preempted trial whose disrupted pod is gone and whose retry has not started is still one.
    return recorded == TrialPhase.Preempted ? TrialPhase.Preempted : TrialPhase.Pending;
  }

  /**
   * Attempts started, once the trial is in {@code phase}. A disrupted pod is deleted soon after its
   * disruption, so the pods listed later may no longer show it: a preempted trial keeps the number
   * of the attempt that was disrupted, and the pod that runs after it is the next one.
   */
  private static int attempts(TrialStatusDraft status, TrialPhase phase, PodHistory pods) {
    int recorded = Objects.requireNonNullElse(status.attempts, 1);
    if (phase == TrialPhase.Preempted) {
      return Math.max(recorded, pods.lastDisrupted());
    }
    if (phase == TrialPhase.Running && status.phase == TrialPhase.Preempted) {
      return Math.max(pods.attempts(), recorded + 1);
    }
    return Math.max(recorded, pods.attempts());
  }

  /** Attempts started by a trial whose Job has ended, as {@link #update} counts them. */
  static int attemptsAtEnd(TrialStatusDraft status, PodHistory pods) {
    return attempts(status, TrialPhase.Running, pods);
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
      PendingReason waiting,
      boolean wasRunning) {
    switch (phase) {
      case Running -> {
        status.reason = "Running";
        status.message = "the trainer is running (attempt " + attempts + ")";
      }
      case Preempted -> {
        if (pods.disruptions() > 0) {
          status.reason = "Preempted";
          status.message =
              "disrupted "
                  + pods.disruptions()
                  + " time(s), latest: "
                  + pods.disruption().orElse("DisruptionTarget")
                  + "; "
                  + RETRIED;
        } else if (wasRunning) {
          status.reason = "Preempted";
          status.message =
              "its running pod was deleted (preemption, eviction, node loss or a person); "
                  + RETRIED;
        }
      }
      default -> {
        status.reason = waiting.reason();
        status.message = waiting.message();
      }
    }
  }
}
