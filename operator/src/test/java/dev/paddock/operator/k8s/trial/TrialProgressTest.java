package dev.paddock.operator.k8s.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.TrialPhase;
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
        disruptions > 0 ? Optional.of("PreemptionByScheduler") : Optional.empty());
  }

  private static final PendingReason UNSCHEDULABLE =
      new PendingReason("Unschedulable", "the trial's pod cannot be scheduled: 0/3 nodes");

  @Test
  void aNewTrialsPodsAreReadWhenItsPodIsReadyOrItsGraceIsOver() {
    assertThat(TrialProgress.podsNeeded(job(false, false, false), null, false)).isFalse();
    assertThat(TrialProgress.podsNeeded(job(true, false, false), null, false)).isTrue();
    assertThat(TrialProgress.podsNeeded(job(false, false, false), null, true)).isTrue();
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
  void aNewTrialsFirstReadyPodIsItsFirstAttemptWithoutReadingPods() {
    assertThat(TrialProgress.firstStart(job(true, false, false), null))
        .contains(new PodHistory(1, 0, true, Optional.empty()));
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

    assertThat(TrialProgress.update(status, pods(1, 1, false), UNSCHEDULABLE, NOW)).isTrue();
    assertThat(status.phase).isEqualTo(TrialPhase.Preempted);
    assertThat(status.message).contains("PreemptionByScheduler");

    assertThat(TrialProgress.update(status, pods(2, 1, true), UNSCHEDULABLE, NOW)).isTrue();
    assertThat(status.phase).isEqualTo(TrialPhase.Running);
    assertThat(status.attempts).isEqualTo(2);
    assertThat(status.startTime).isEqualTo(NOW.toString());
  }

  @Test
  void aPodThatEndedBeforeItsJobDidIsNotWrittenPendingAgain() {
    TrialStatusDraft status = TrialStatusDraft.of(null);
    TrialProgress.update(status, pods(1, 0, true), UNSCHEDULABLE, NOW);

    assertThat(TrialProgress.update(status, pods(1, 0, false), UNSCHEDULABLE, NOW)).isFalse();
    assertThat(status.phase).isEqualTo(TrialPhase.Running);
  }
}
