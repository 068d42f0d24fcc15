package dev.paddock.operator.k8s.trial;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the informer's pods are enough to finish a trial, and what its Job and pods say. */
class JobOutcomeTest {

  private static final String SUMMARY =
      "{\"status\":\"completed\",\"epoch\":3,\"metrics\":{\"val_f1\":0.9}}";

  private static Job job(String end, int succeeded, int failed) {
    return new JobBuilder()
        .withNewStatus()
        .withStartTime("2026-11-21T10:00:00Z")
        .withCompletionTime("2026-11-21T10:00:30Z")
        .withSucceeded(succeeded)
        .withFailed(failed)
        .addNewCondition()
        .withType(end)
        .withStatus("True")
        .withReason(end.equals("Failed") ? "BackoffLimitExceeded" : null)
        .withMessage(end.equals("Failed") ? "Job has reached the specified backoff limit" : null)
        .endCondition()
        .endStatus()
        .build();
  }

  private static Pod pod(String created, String phase, String message) {
    PodBuilder pod = TrialFixtures.pod(created, phase);
    if (message != null) {
      pod.editStatus()
          .addNewContainerStatus()
          .withName(TrialJobs.TRAINER)
          .withNewState()
          .withNewTerminated()
          .withExitCode("Succeeded".equals(phase) ? 0 : 2)
          .withMessage(message)
          .endTerminated()
          .endState()
          .endContainerStatus()
          .endStatus();
    }
    return pod.build();
  }

  @Test
  void cachedPodsThatEndedAsTheJobDidAreEnough() {
    List<Pod> pods =
        List.of(
            pod("2026-11-21T10:00:00Z", "Failed", "{\"status\":\"failed\"}"),
            pod("2026-11-21T10:00:10Z", "Succeeded", SUMMARY));

    assertThat(JobOutcome.podsShowEnd(job("Complete", 1, 1), pods)).isTrue();
    JobOutcome outcome = JobOutcome.of(job("Complete", 1, 1), pods);
    assertThat(outcome.status()).isEqualTo("completed");
    assertThat(outcome.metrics()).containsEntry("val_f1", 0.9);
    assertThat(outcome.seconds()).isEqualTo(30);
  }

  @Test
  void aCacheThatHasNotSeenTheLastPodEndIsNot() {
    Pod stillRunning = pod("2026-11-21T10:00:10Z", "Running", null);

    assertThat(JobOutcome.podsShowEnd(job("Complete", 1, 0), List.of(stillRunning))).isFalse();
    assertThat(JobOutcome.podsShowEnd(job("Complete", 1, 0), List.of())).isFalse();
  }

  @Test
  void aCacheMissingAPodTheJobCountedIsNot() {
    List<Pod> onlyTheFirstAttempt =
        List.of(pod("2026-11-21T10:00:00Z", "Failed", "{\"status\":\"failed\"}"));

    assertThat(JobOutcome.podsShowEnd(job("Failed", 0, 1), onlyTheFirstAttempt)).isTrue();
    assertThat(JobOutcome.podsShowEnd(job("Failed", 0, 2), onlyTheFirstAttempt)).isFalse();
  }

  @Test
  void aPodThatEndedOtherwiseThanTheJobOrWithoutATerminationIsNot() {
    assertThat(
            JobOutcome.podsShowEnd(
                job("Complete", 1, 0),
                List.of(pod("2026-11-21T10:00:00Z", "Failed", "{\"status\":\"failed\"}"))))
        .isFalse();
    assertThat(
            JobOutcome.podsShowEnd(
                job("Failed", 0, 1), List.of(pod("2026-11-21T10:00:00Z", "Failed", null))))
        .isFalse();
  }

  @Test
  void aJobStillRunningHasNoEndToShow() {
    Job running = new JobBuilder().withNewStatus().withActive(1).endStatus().build();

    assertThat(
            JobOutcome.podsShowEnd(running, List.of(pod("2026-11-21T10:00:00Z", "Running", null))))
        .isFalse();
    assertThat(JobOutcome.of(running, List.of())).isEqualTo(JobOutcome.RUNNING);
  }
}
