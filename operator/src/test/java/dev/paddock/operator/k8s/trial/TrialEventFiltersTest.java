package dev.paddock.operator.k8s.trial;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import org.junit.jupiter.api.Test;

class TrialEventFiltersTest {

  private static Pod pod(String phase) {
    return TrialFixtures.pod("2026-11-22T09:00:00Z", phase).build();
  }

  private static Job job(int active, int ready, String endCondition) {
    JobBuilder job =
        new JobBuilder().withNewStatus().withActive(active).withReady(ready).endStatus();
    if (endCondition != null) {
      job.editStatus()
          .addNewCondition()
          .withType(endCondition)
          .withStatus("True")
          .endCondition()
          .endStatus();
    }
    return job.build();
  }

  @Test
  void onlyTheJobsEndWakesTheTrial() {
    assertThat(TrialEventFilters.jobUpdateMatters(job(1, 1, null), job(1, 0, null))).isFalse();
    assertThat(TrialEventFilters.jobUpdateMatters(job(0, 0, "Complete"), job(1, 1, null))).isTrue();
    assertThat(TrialEventFilters.jobUpdateMatters(job(0, 0, "Failed"), job(1, 0, null))).isTrue();
    assertThat(TrialEventFilters.jobUpdateMatters(job(0, 0, "Complete"), job(0, 0, "Complete")))
        .isFalse();
  }

  @Test
  void aPodWakesTheTrialWhenItsPhaseChangesItIsDisruptedOrItIsDeleted() {
    Pod running = pod("Running");
    Pod scheduled = new PodBuilder(pod("Pending")).editSpec().withNodeName("n").endSpec().build();
    assertThat(TrialEventFilters.podUpdateMatters(scheduled, pod("Pending"))).isFalse();
    assertThat(TrialEventFilters.podUpdateMatters(running, pod("Pending"))).isTrue();

    Pod disrupted =
        new PodBuilder(running)
            .editStatus()
            .addNewCondition()
            .withType("DisruptionTarget")
            .withStatus("True")
            .withReason("PreemptionByScheduler")
            .endCondition()
            .endStatus()
            .build();
    assertThat(TrialEventFilters.podUpdateMatters(disrupted, running)).isTrue();

    Pod deleting =
        new PodBuilder(running)
            .editMetadata()
            .withDeletionTimestamp("2026-11-22T10:00:00Z")
            .endMetadata()
            .build();
    assertThat(TrialEventFilters.podUpdateMatters(deleting, running)).isTrue();
  }
}
