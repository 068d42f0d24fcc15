package dev.paddock.operator.k8s.trial;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import org.junit.jupiter.api.Test;

class TrialEventFiltersTest {

  private static JobBuilder job(int active, int ready) {
    return new JobBuilder()
        .withNewSpec()
        .endSpec()
        .withNewStatus()
        .withActive(active)
        .withReady(ready)
        .endStatus();
  }

  private static Job ended(String condition) {
    return job(0, 0)
        .editStatus()
        .withSucceeded("Complete".equals(condition) ? 1 : 0)
        .addNewCondition()
        .withType(condition)
        .withStatus("True")
        .endCondition()
        .endStatus()
        .build();
  }

  @Test
  void aPodStartingOrStoppingAndTheJobsEndWakeTheTrial() {
    assertThat(TrialEventFilters.jobUpdateMatters(job(1, 1).build(), job(1, 0).build())).isTrue();
    assertThat(TrialEventFilters.jobUpdateMatters(job(1, 0).build(), job(1, 1).build())).isTrue();
    assertThat(TrialEventFilters.jobUpdateMatters(ended("Complete"), job(1, 1).build())).isTrue();
    assertThat(TrialEventFilters.jobUpdateMatters(ended("Failed"), job(1, 0).build())).isTrue();
  }

  @Test
  void failuresTerminatingPodsAndAdmissionWakeTheTrial() {
    Job running = job(1, 1).build();
    assertThat(
            TrialEventFilters.jobUpdateMatters(
                job(1, 1).editStatus().withFailed(1).endStatus().build(), running))
        .isTrue();
    assertThat(
            TrialEventFilters.jobUpdateMatters(
                job(1, 1).editStatus().withTerminating(1).endStatus().build(), running))
        .isTrue();
    Job queued = job(0, 0).editSpec().withSuspend(true).endSpec().build();
    assertThat(TrialEventFilters.jobUpdateMatters(job(0, 0).build(), queued)).isTrue();
  }

  @Test
  void bookkeepingOfTheJobControllerWakesNothing() {
    // a pod created, then the same Job ended, seen again as its finalizers are removed
    assertThat(TrialEventFilters.jobUpdateMatters(job(1, 0).build(), job(0, 0).build())).isFalse();
    assertThat(TrialEventFilters.jobUpdateMatters(ended("Complete"), ended("Complete"))).isFalse();
    Job counting =
        job(0, 0)
            .editStatus()
            .withNewUncountedTerminatedPods()
            .withSucceeded("uid-1")
            .endUncountedTerminatedPods()
            .endStatus()
            .build();
    Job counted = job(0, 0).editStatus().withSucceeded(1).endStatus().build();
    assertThat(TrialEventFilters.jobUpdateMatters(counted, counting)).isFalse();
  }
}
