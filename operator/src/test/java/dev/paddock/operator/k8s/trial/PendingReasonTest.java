package dev.paddock.operator.k8s.trial;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingReasonTest {

  private static final JobProgress WAITING = new JobProgress(false, false, false, 0, 0, false);

  @Test
  void aSuspendedJobWaitsForItsQueue() {
    JobProgress queued = new JobProgress(false, false, false, 0, 0, true);

    PendingReason reason = PendingReason.of(queued, List.of(), "team-a");

    assertThat(reason.reason()).isEqualTo("Queued");
    assertThat(reason.message()).isEqualTo("waiting for queue team-a to admit the trial's Job");
  }

  @Test
  void kueuesWordsSayWhatTheQueueLacksOrThatItCannotAdmitAtAll() {
    PendingReason quota =
        PendingReason.kueue(
            "team-a",
            "gpus",
            "False",
            "Pending",
            "couldn't assign flavors to pod set main: insufficient unused quota for nvidia.com/gpu"
                + " in flavor gpu, 1 more needed");
    PendingReason missing =
        PendingReason.kueue(
            "team-a", null, "False", "Inadmissible", "LocalQueue team-a doesn't exist");
    PendingReason notLookedAt = PendingReason.kueue("team-a", "gpus", null, null, null);
    PendingReason admitted = PendingReason.kueue("team-a", "gpus", "True", "QuotaReserved", "ok");

    assertThat(quota.reason()).isEqualTo("Queued");
    assertThat(quota.message())
        .isEqualTo(
            "waiting for Kueue to admit the trial's Job in ClusterQueue gpus: couldn't assign"
                + " flavors to pod set main: insufficient unused quota for nvidia.com/gpu in"
                + " flavor gpu, 1 more needed");
    assertThat(missing.reason()).isEqualTo("Inadmissible");
    assertThat(missing.message())
        .isEqualTo("Kueue cannot admit the trial's Job: LocalQueue team-a doesn't exist");
    assertThat(notLookedAt)
        .isEqualTo(
            new PendingReason(
                "Queued", "waiting for Kueue to admit the trial's Job in ClusterQueue gpus"));
    assertThat(admitted.reason()).isEqualTo("Admitted");
  }

  @Test
  void anUnschedulablePodGivesTheSchedulersWords() {
    Pod older = TrialFixtures.pod("2026-11-22T07:00:00Z", "Failed").build();
    Pod newest =
        TrialFixtures.pod("2026-11-22T07:01:00Z", "Pending")
            .editStatus()
            .addNewCondition()
            .withType("PodScheduled")
            .withStatus("False")
            .withReason("Unschedulable")
            .withMessage("0/3 nodes are available: 3 Insufficient nvidia.com/gpu.")
            .endCondition()
            .endStatus()
            .build();

    PendingReason reason = PendingReason.of(WAITING, List.of(newest, older), null);

    assertThat(reason.reason()).isEqualTo("Unschedulable");
    assertThat(reason.message())
        .isEqualTo(
            "the trial's pod cannot be scheduled: 0/3 nodes are available: 3 Insufficient"
                + " nvidia.com/gpu.");
  }

  @Test
  void aWaitingTrainerContainerGivesTheKubeletsWords() {
    Pod pulling =
        TrialFixtures.pod("2026-11-22T07:00:00Z", "Pending")
            .editStatus()
            .addNewContainerStatus()
            .withName(TrialJobs.TRAINER)
            .withNewState()
            .withNewWaiting()
            .withReason("ImagePullBackOff")
            .withMessage("Back-off pulling image \"trainer:nope\"")
            .endWaiting()
            .endState()
            .endContainerStatus()
            .endStatus()
            .build();

    PendingReason reason = PendingReason.of(WAITING, List.of(pulling), null);

    assertThat(reason.reason()).isEqualTo("ImagePullBackOff");
    assertThat(reason.message()).contains("Back-off pulling image \"trainer:nope\"");
  }

  @Test
  void noPodOrNoWordYetIsPlainPending() {
    assertThat(PendingReason.of(WAITING, List.of(), null).message())
        .isEqualTo("waiting for the trial's pod to be created");
    assertThat(
            PendingReason.of(
                    WAITING,
                    List.of(TrialFixtures.pod("2026-11-22T07:00:00Z", "Pending").build()),
                    null)
                .reason())
        .isEqualTo("Pending");
  }
}
