package dev.paddock.operator.k8s.trial;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodHistoryTest {

  private static Pod pod(String created, String phase, String disruptionReason) {
    PodBuilder pod = TrialFixtures.pod(created, phase);
    if (disruptionReason != null) {
      pod.editStatus()
          .addNewCondition()
          .withType("DisruptionTarget")
          .withStatus("True")
          .withReason(disruptionReason)
          .endCondition()
          .endStatus();
    }
    return pod.build();
  }

  @Test
  void aPreemptedPodAwaitingItsReplacementIsADisruptionNotAFailure() {
    PodHistory history =
        PodHistory.of(
            List.of(
                pod("2026-11-21T10:00:00Z", "Failed", "PreemptionByScheduler"),
                pod("2026-11-21T10:05:00Z", "Pending", null)));

    assertThat(history.attempts()).isEqualTo(2);
    assertThat(history.disruptions()).isEqualTo(1);
    assertThat(history.running()).isFalse();
    assertThat(history.disruption()).contains("PreemptionByScheduler");
    assertThat(history.lastDisrupted()).isEqualTo(1);
  }

  @Test
  void aRunningReplacementRunsAndAPlainFailureIsNoDisruption() {
    PodHistory history =
        PodHistory.of(
            List.of(
                pod("2026-11-21T10:00:00Z", "Failed", null),
                pod("2026-11-21T10:05:00Z", "Running", null)));

    assertThat(history.running()).isTrue();
    assertThat(history.anyEnded()).isTrue();
    assertThat(history.disruptions()).isZero();
    assertThat(history.attempts()).isEqualTo(2);
  }

  @Test
  void aPodBeingDeletedNoLongerRunsAndHasNotEnded() {
    Pod deleting =
        new PodBuilder(pod("2026-11-21T10:00:00Z", "Running", null))
            .editMetadata()
            .withDeletionTimestamp("2026-11-21T10:09:00Z")
            .endMetadata()
            .build();

    PodHistory history = PodHistory.of(List.of(deleting));

    assertThat(history.running()).isFalse();
    assertThat(history.anyEnded()).isFalse();
  }

  @Test
  void noPodYetIsTheFirstAttempt() {
    assertThat(PodHistory.of(List.of()))
        .isEqualTo(new PodHistory(1, 0, false, java.util.Optional.empty(), 0, false));
  }

  @Test
  void theTrainerStartedWhenItsEarliestContainerStartedRunningOrTerminated() {
    Pod disruptedBeforeStart =
        TrialFixtures.pod("2026-11-21T10:00:00Z", "Failed")
            .editStatus()
            .addNewContainerStatus()
            .withName("trainer")
            .withNewState()
            .withNewTerminated()
            .withExitCode(137)
            .withReason("ContainerStatusUnknown")
            .endTerminated()
            .endState()
            .endContainerStatus()
            .endStatus()
            .build();
    Pod ended = withTrainer("2026-11-21T10:01:00Z", "Succeeded", null, "2026-11-21T10:02:00Z");
    Pod running = withTrainer("2026-11-21T10:03:00Z", "Running", "2026-11-21T10:04:00Z", null);

    assertThat(PodHistory.trainerStart(List.of(running, disruptedBeforeStart, ended)))
        .contains("2026-11-21T10:02:00Z");
    assertThat(PodHistory.trainerStart(List.of(running))).contains("2026-11-21T10:04:00Z");
    assertThat(PodHistory.trainerStart(List.of(disruptedBeforeStart))).isEmpty();
    assertThat(PodHistory.trainerStart(List.of())).isEmpty();
  }

  /** A pod whose trainer runs since {@code running}, or ended having started at {@code ended}. */
  private static Pod withTrainer(String created, String phase, String running, String ended) {
    ContainerState state =
        running != null
            ? new ContainerStateBuilder().withNewRunning(running).build()
            : new ContainerStateBuilder()
                .withNewTerminated()
                .withExitCode(0)
                .withStartedAt(ended)
                .endTerminated()
                .build();
    return TrialFixtures.pod(created, phase)
        .editStatus()
        .addNewContainerStatus()
        .withName("sidecar")
        .withNewState()
        .withNewRunning("2026-11-21T09:00:00Z")
        .endState()
        .endContainerStatus()
        .addNewContainerStatus()
        .withName("trainer")
        .withState(state)
        .endContainerStatus()
        .endStatus()
        .build();
  }
}
