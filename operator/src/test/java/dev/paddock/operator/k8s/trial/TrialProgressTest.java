package dev.paddock.operator.k8s.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.TrialPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrialProgressTest {

  private static final Instant NOW = Instant.parse("2026-11-22T07:00:00Z");

  private static JobProgress job(boolean ready, boolean podSucceeded, boolean suspended) {
    return new JobProgress(false, ready, podSucceeded, 0, 0, suspended);
  }

  private static PodHistory pods(int attempts, int disruptions, boolean running) {
    return new PodHistory(
        attempts,
        disruptions,
        running,
        disruptions > 0 ? Optional.of("PreemptionByScheduler") : Optional.empty(),
        disruptions > 0 ? 1 : 0,
        false);
  }

  private static PodHistory ended(int attempts) {
    return new PodHistory(attempts, 0, false, Optional.empty(), 0, true);
  }

  private static final PendingReason UNSCHEDULABLE =
      new PendingReason("Unschedulable", "the trial's pod cannot be scheduled: 0/3 nodes");

  @Test
  void aNewTrialsPodsAreReadWhenItsPodIsReadyIsDeletedOrItsGraceIsOver() {
    assertThat(TrialProgress.podsNeeded(job(false, false, false), null, false)).isFalse();
    assertThat(TrialProgress.podsNeeded(job(true, false, false), null, false)).isTrue();
    assertThat(TrialProgress.podsNeeded(job(false, false, false), null, true)).isTrue();
    JobProgress disruptedBeforeRunning = new JobProgress(false, false, false, 0, 1, false);
    assertThat(TrialProgress.podsNeeded(disruptedBeforeRunning, null, false)).isTrue();
  }

  @Test
  void aRunningTrialsPodsAreReadOnlyWhenItsPodStopsWithoutSucceeding() {
    assertThat(TrialProgress.podsNeeded(job(true, false, false), TrialPhase.Running, true))
        .isFalse();
    assertThat(TrialProgress.podsNeeded(job(false, true, false), TrialPhase.Running, true))
        .isFalse();
    assertThat(TrialProgress.podsNeeded(job(false, false, false), TrialPhase.Running, true))
        .isTrue();
  }

  @Test
  void aWaitingTrialsPodsAreReadUnlessItsJobWaitsForItsQueue() {
    assertThat(TrialProgress.podsNeeded(job(false, false, false), TrialPhase.Pending, true))
        .isTrue();
    assertThat(TrialProgress.podsNeeded(job(false, false, true), TrialPhase.Pending, true))
        .isFalse();
    assertThat(TrialProgress.podsNeeded(job(true, false, false), TrialPhase.Preempted, true))
        .isTrue();
    assertThat(TrialProgress.podsNeeded(job(false, false, false), TrialPhase.Succeeded, true))
        .isFalse();
  }

  @Test
  void aWaitingTrialIsLookedAtLessOftenTheLongerItWaits() {
    assertThat(TrialProgress.recheckAfter(Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
    assertThat(TrialProgress.recheckAfter(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(30));
    assertThat(TrialProgress.recheckAfter(Duration.ofMinutes(8))).isEqualTo(Duration.ofMinutes(2));
    assertThat(TrialProgress.recheckAfter(Duration.ofHours(6))).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aNewTrialsFirstReadyPodIsItsFirstAttemptWithoutReadingPods() {
    assertThat(TrialProgress.firstStart(job(true, false, false), null))
        .contains(PodHistory.FIRST_RUNNING);
    assertThat(TrialProgress.firstStart(job(false, false, false), null)).isEmpty();
    assertThat(TrialProgress.firstStart(job(true, false, false), TrialPhase.Preempted)).isEmpty();
    JobProgress retried = new JobProgress(false, true, false, 1, 0, false);
    assertThat(TrialProgress.firstStart(retried, null)).isEmpty();
    JobProgress replacing = new JobProgress(false, true, false, 0, 1, false);
    assertThat(TrialProgress.firstStart(replacing, null)).isEmpty();
  }

  @Test
  void aStartedPodMakesTheTrialRunningFromItsFirstWrite() {
    TrialStatusDraft status = TrialStatusDraft.of(null);

    assertThat(TrialProgress.update(status, pods(1, 0, true), UNSCHEDULABLE, NOW)).isTrue();

    assertThat(status.phase).isEqualTo(TrialPhase.Running);
    assertThat(status.attempts).isEqualTo(1);
    assertThat(status.startTime).isEqualTo(NOW.toString());
    assertThat(status.reason).isEqualTo("Running");
  }

  @Test
  void aWaitingTrialSaysWhyAndIsWrittenAgainOnlyWhenThatChanges() {
    TrialStatusDraft status = TrialStatusDraft.of(null);

    assertThat(TrialProgress.update(status, pods(1, 0, false), UNSCHEDULABLE, NOW)).isTrue();
    assertThat(status.phase).isEqualTo(TrialPhase.Pending);
    assertThat(status.reason).isEqualTo("Unschedulable");
    assertThat(status.message).contains("0/3 nodes");

    assertThat(TrialProgress.update(status, pods(1, 0, false), UNSCHEDULABLE, NOW)).isFalse();
    PendingReason pulling = new PendingReason("ImagePullBackOff", "the trainer container waits");
    assertThat(TrialProgress.update(status, pods(1, 0, false), pulling, NOW)).isTrue();
    assertThat(status.reason).isEqualTo("ImagePullBackOff");
  }

  @Test
  void aDisruptedPodMakesTheTrialPreemptedAndItsNextPodANewAttempt() {
    TrialStatusDraft status = TrialStatusDraft.of(null);
    TrialProgress.update(status, pods(1, 0, true), UNSCHEDULABLE, NOW);

    // the disrupted pod (attempt 1) and its replacement, not running yet
    assertThat(TrialProgress.update(status, pods(2, 1, false), UNSCHEDULABLE, NOW)).isTrue();
    assertThat(status.phase).isEqualTo(TrialPhase.Preempted);
    assertThat(status.attempts).isEqualTo(1);
    assertThat(status.message).contains("PreemptionByScheduler");

    // the disrupted pod is gone and the replacement waits: still Preempted, nothing to write
    assertThat(TrialProgress.update(status, pods(1, 0, false), UNSCHEDULABLE, NOW)).isFalse();
    assertThat(status.phase).isEqualTo(TrialPhase.Preempted);

    // the replacement runs, the only pod left: the second attempt
    assertThat(TrialProgress.update(status, pods(1, 0, true), UNSCHEDULABLE, NOW)).isTrue();
    assertThat(status.phase).isEqualTo(TrialPhase.Running);
    assertThat(status.attempts).isEqualTo(2);
    assertThat(status.message).isEqualTo("the trainer is running (attempt 2)");
  }

  @Test
  void aPodDisruptedBeforeItRanIsAnAttemptAndTheNextPodTheSecond() {
    TrialStatusDraft status = TrialStatusDraft.of(null);

    // no status written yet: the pod was preempted while it waited to start
    assertThat(TrialProgress.update(status, pods(1, 1, false), UNSCHEDULABLE, NOW)).isTrue();
    assertThat(status.phase).isEqualTo(TrialPhase.Preempted);
    assertThat(status.attempts).isEqualTo(1);

    assertThat(TrialProgress.update(status, pods(1, 0, true), UNSCHEDULABLE, NOW)).isTrue();
    assertThat(status.phase).isEqualTo(TrialPhase.Running);
    assertThat(status.attempts).isEqualTo(2);
  }

  @Test
  void aTrialThatEndsAfterADisruptionCountsItsRetry() {
    TrialStatusDraft status = TrialStatusDraft.of(null);
    TrialProgress.update(status, pods(1, 0, true), UNSCHEDULABLE, NOW);
    TrialProgress.update(status, pods(1, 1, false), UNSCHEDULABLE, NOW);

    assertThat(TrialProgress.attemptsAtEnd(status, pods(1, 0, false))).isEqualTo(2);
    TrialStatusDraft neverDisrupted = TrialStatusDraft.of(null);
    assertThat(TrialProgress.attemptsAtEnd(neverDisrupted, pods(1, 0, false))).isEqualTo(1);
  }

  @Test
  void aReplacementSeenBesideItsDisruptedPodIsCountedOnce() {
    TrialStatusDraft status = TrialStatusDraft.of(null);
    TrialProgress.update(status, pods(1, 0, true), UNSCHEDULABLE, NOW);
    TrialProgress.update(status, pods(1, 1, false), UNSCHEDULABLE, NOW);

    assertThat(TrialProgress.update(status, pods(2, 1, true), UNSCHEDULABLE, NOW)).isTrue();
    assertThat(status.attempts).isEqualTo(2);
  }

  @Test
  void aPodThatEndedBeforeItsJobDidIsNotWrittenPendingAgain() {
    TrialStatusDraft status = TrialStatusDraft.of(null);
    TrialProgress.update(status, pods(1, 0, true), UNSCHEDULABLE, NOW);

    assertThat(TrialProgress.update(status, ended(1), UNSCHEDULABLE, NOW)).isFalse();
    assertThat(status.phase).isEqualTo(TrialPhase.Running);
  }

  @Test
  void aRunningPodThatVanishedWasDeletedAndItsReplacementIsTheNextAttempt() {
    TrialStatusDraft status = TrialStatusDraft.of(null);
    TrialProgress.update(status, pods(1, 0, true), UNSCHEDULABLE, NOW);

    // the running pod is gone without a trace; its replacement waits
    assertThat(TrialProgress.update(status, pods(1, 0, false), UNSCHEDULABLE, NOW)).isTrue();
    assertThat(status.phase).isEqualTo(TrialPhase.Preempted);
    assertThat(status.attempts).isEqualTo(1);
    assertThat(status.message).startsWith("its running pod was deleted");

    assertThat(TrialProgress.update(status, pods(1, 0, true), UNSCHEDULABLE, NOW)).isTrue();
    assertThat(status.attempts).isEqualTo(2);
  }

  @Test
  void aFailedAttemptAwaitingItsRetryIsNoDisruption() {
    TrialStatusDraft status = TrialStatusDraft.of(null);
    TrialProgress.update(status, pods(1, 0, true), UNSCHEDULABLE, NOW);

    // the failed pod and its replacement: Pending, the second attempt
    assertThat(TrialProgress.update(status, ended(2), UNSCHEDULABLE, NOW)).isTrue();
    assertThat(status.phase).isEqualTo(TrialPhase.Pending);
    assertThat(status.attempts).isEqualTo(2);
  }
}
