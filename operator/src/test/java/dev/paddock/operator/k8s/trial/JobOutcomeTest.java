package dev.paddock.operator.k8s.trial;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a trial's Job ended, from its conditions and its pods' termination messages. */
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
  void aCompletedJobEndsWithItsNewestPodsSummary() {
    List<Pod> pods =
        List.of(
            pod("2026-11-21T10:00:00Z", "Failed", "{\"status\":\"failed\"}"),
            pod("2026-11-21T10:00:10Z", "Succeeded", SUMMARY));

    JobOutcome outcome = JobOutcome.of(job("Complete", 1, 1), pods, null);

    assertThat(outcome.finished()).isTrue();
    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.status()).isEqualTo("completed");
    assertThat(outcome.epoch()).isEqualTo(3);
    assertThat(outcome.metrics()).containsEntry("val_f1", 0.9);
    assertThat(outcome.heldSeconds()).isEqualTo(30);
  }

  @Test
  void theSummaryIsTheLastJsonLineOfLogsUsedAsTheMessage() {
    String logs = "loading data\nepoch 3 done\n" + SUMMARY + "\n";
    JobOutcome outcome =
        JobOutcome.of(
            job("Complete", 1, 0), List.of(pod("2026-11-21T10:00:00Z", "Succeeded", logs)), null);

    assertThat(outcome.metrics()).containsEntry("val_f1", 0.9);
  }

  @Test
  void aFailedJobWithoutASummarySaysWhyTheJobFailed() {
    JobOutcome outcome =
        JobOutcome.of(
            job("Failed", 0, 1), List.of(pod("2026-11-21T10:00:00Z", "Failed", null)), null);

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.status()).isEqualTo("failed");
    assertThat(outcome.error())
        .isEqualTo("BackoffLimitExceeded: Job has reached the specified backoff limit");
  }

  @Test
  void aJobStillRunningHasNoOutcome() {
    Job running = new JobBuilder().withNewStatus().withActive(1).endStatus().build();

    assertThat(JobOutcome.of(running, List.of(pod("2026-11-21T10:00:00Z", "Running", null)), null))
        .isEqualTo(JobOutcome.RUNNING);
  }

  @Test
  void theResourcesAreHeldFromTheFirstPodsBindingNotFromTheJobsStart() {
    List<Pod> pods =
        List.of(
            bound(pod("2026-11-21T10:00:00Z", "Failed", null), "2026-11-21T10:00:12Z"),
            bound(pod("2026-11-21T10:00:15Z", "Succeeded", SUMMARY), "2026-11-21T10:00:20Z"));

    assertThat(JobOutcome.of(job("Complete", 1, 1), pods, null).heldSeconds()).isEqualTo(18);
  }

  @Test
  void aTrialThatRanBeforeItsRemainingPodsWereBoundHeldItsResourcesSinceThen() {
    List<Pod> replacement =
        List.of(bound(pod("2026-11-21T10:00:15Z", "Succeeded", SUMMARY), "2026-11-21T10:00:20Z"));

    JobOutcome outcome = JobOutcome.of(job("Complete", 1, 0), replacement, "2026-11-21T10:00:05Z");

    assertThat(outcome.heldSeconds()).isEqualTo(25);
  }

  @Test
  void withNoPodKnownToHaveBeenBoundTheJobsWholeRunCounts() {
    List<Pod> unbound = List.of(pod("2026-11-21T10:00:10Z", "Succeeded", SUMMARY));

    assertThat(JobOutcome.of(job("Complete", 1, 0), unbound, null).heldSeconds()).isEqualTo(30);
  }

  @Test
  void aFailedJobWithNoCompletionTimeEndedWhenItsFailedConditionTurnedTrue() {
    Job failed = job("Failed", 0, 1);
    failed.getStatus().setCompletionTime(null);
    failed.getStatus().getConditions().get(0).setLastTransitionTime("2026-11-21T10:01:00Z");
    List<Pod> pods =
        List.of(bound(pod("2026-11-21T10:00:00Z", "Failed", null), "2026-11-21T10:00:40Z"));

    assertThat(JobOutcome.of(failed, pods, null).heldSeconds()).isEqualTo(20);
  }

  @Test
  void aJobThatSaysNeitherWhenItCompletedNorWhenItFailedIsCountedUpToNow() {
    Job failed = job("Failed", 0, 1);
    failed.getStatus().setCompletionTime(null);
    List<Pod> pods =
        List.of(bound(pod("2026-11-21T10:00:00Z", "Failed", null), "2026-11-21T10:00:40Z"));

    long untilNow =
        Duration.between(Instant.parse("2026-11-21T10:00:40Z"), Instant.now()).toSeconds();

    assertThat(JobOutcome.of(failed, pods, null).heldSeconds()).isGreaterThanOrEqualTo(untilNow);
  }

  /**
   * After a kube-apiserver restart the Job controller may start a second pod beside one that runs
   * or has succeeded: both held a GPU, and both count.
   */
  @Test
  void aSecondPodThatRanBesideTheFirstCountsItsOwnTime() {
    List<Pod> pods =
        List.of(
            ended(
                bound(pod("2026-11-21T10:00:00Z", "Succeeded", SUMMARY), "2026-11-21T10:00:00Z"),
                "2026-11-21T10:00:30Z"),
            ended(
                bound(pod("2026-11-21T10:00:10Z", "Succeeded", SUMMARY), "2026-11-21T10:00:12Z"),
                "2026-11-21T10:00:27Z"));

    assertThat(JobOutcome.of(job("Complete", 2, 0), pods, null).heldSeconds()).isEqualTo(30 + 15);
  }

  @Test
  void aSecondPodThatRanOnAfterTheJobEndedCountsUntilItsOwnEnd() {
    List<Pod> pods =
        List.of(
            ended(
                bound(pod("2026-11-21T10:00:00Z", "Succeeded", SUMMARY), "2026-11-21T10:00:05Z"),
                "2026-11-21T10:00:25Z"),
            ended(
                bound(pod("2026-11-21T10:00:26Z", "Failed", null), "2026-11-21T10:00:26Z"),
                "2026-11-21T10:00:50Z"));

    assertThat(JobOutcome.of(job("Complete", 1, 0), pods, null).heldSeconds()).isEqualTo(45);
  }

  @Test
  void aPodStillRunningBesideAnotherWhenTheJobEndedCountsUntilTheJobsEnd() {
    List<Pod> pods =
        List.of(
            ended(
                bound(pod("2026-11-21T10:00:00Z", "Succeeded", SUMMARY), "2026-11-21T10:00:00Z"),
                "2026-11-21T10:00:28Z"),
            bound(pod("2026-11-21T10:00:15Z", "Running", null), "2026-11-21T10:00:20Z"));

    assertThat(JobOutcome.of(job("Complete", 1, 0), pods, null).heldSeconds()).isEqualTo(30 + 8);
  }

  @Test
  void podsThatHeldNodesOneAfterAnotherCountOnce() {
    assertThat(
            HeldTime.overlap(
                List.of(
                    interval("10:00:00", "10:00:10"),
                    interval("10:00:10", "10:00:20"),
                    interval("10:00:30", "10:00:40"))))
        .isZero();
    assertThat(
            HeldTime.overlap(
                List.of(
                    interval("10:00:00", "10:00:30"),
                    interval("10:00:05", "10:00:10"),
                    interval("10:00:08", "10:00:40"))))
        .isEqualTo(5 + 22);
  }

  private static HeldTime.Interval interval(String from, String to) {
    return new HeldTime.Interval(
        Instant.parse("2026-11-21T" + from + "Z"), Instant.parse("2026-11-21T" + to + "Z"));
  }

  /** The pod once all its containers have terminated at {@code at}. */
  private static Pod ended(Pod pod, String at) {
    PodBuilder builder = new PodBuilder(pod);
    if (pod.getStatus().getContainerStatuses() == null
        || pod.getStatus().getContainerStatuses().isEmpty()) {
      builder
          .editStatus()
          .addNewContainerStatus()
          .withName(TrialJobs.TRAINER)
          .withNewState()
          .withNewTerminated()
          .withExitCode(1)
          .endTerminated()
          .endState()
          .endContainerStatus()
          .endStatus();
    }
    Pod ended = builder.build();
    ended
        .getStatus()
        .getContainerStatuses()
        .forEach(s -> s.getState().getTerminated().setFinishedAt(at));
    return ended;
  }

  /** The pod as the scheduler leaves it once it bound it to a node at {@code at}. */
  private static Pod bound(Pod pod, String at) {
    return new PodBuilder(pod)
        .editStatus()
        .addNewCondition()
        .withType("PodScheduled")
        .withStatus("True")
        .withLastTransitionTime(at)
        .endCondition()
        .endStatus()
        .build();
  }
}
