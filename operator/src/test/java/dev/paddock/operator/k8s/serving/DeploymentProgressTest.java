package dev.paddock.operator.k8s.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.operator.rollout.Serving;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

class DeploymentProgressTest {

  private static DeploymentBuilder deployment(long generation, Long observed) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("d")
        .withGeneration(generation)
        .endMetadata()
        .withNewSpec()
        .withReplicas(2)
        .withNewTemplate()
        .withNewMetadata()
        .addToAnnotations(ServingLabels.MODEL_CODE_ANNOTATION, "S1")
        .endMetadata()
        .endTemplate()
        .endSpec()
        .withNewStatus()
        .withObservedGeneration(observed)
        .endStatus();
  }

  @Test
  void noDeploymentIsAbsent() {
    assertThat(DeploymentProgress.observe(null)).isEqualTo(Serving.ABSENT);
  }

  @Test
  void aRevisionTheControllerHasNotObservedIsUpdatingWhateverItsConditionsSay() {
    Deployment stale =
        deployment(3, 2L)
            .editStatus()
            .addNewCondition()
            .withType("Progressing")
            .withStatus("False")
            .withReason("ProgressDeadlineExceeded")
            .endCondition()
            .endStatus()
            .build();

    assertThat(DeploymentProgress.observe(stale))
        .isEqualTo(new Serving("S1", Serving.Progress.UPDATING));
  }

  @Test
  void progressDeadlineExceededIsATimeout() {
    Deployment timedOut =
        deployment(3, 3L)
            .editStatus()
            .withReplicas(3)
            .withUpdatedReplicas(1)
            .withAvailableReplicas(2)
            .addNewCondition()
            .withType("Progressing")
            .withStatus("False")
            .withReason("ProgressDeadlineExceeded")
            .endCondition()
            .endStatus()
            .build();

    assertThat(DeploymentProgress.observe(timedOut))
        .isEqualTo(new Serving("S1", Serving.Progress.TIMED_OUT));
  }

  @Test
  void availableOnlyWhenEveryReplicaRunsTheRevisionAndIsAvailable() {
    Deployment surging =
        deployment(3, 3L)
            .editStatus()
            .withReplicas(3)
            .withUpdatedReplicas(2)
            .withAvailableReplicas(3)
            .endStatus()
            .build();
    Deployment complete =
        deployment(3, 3L)
            .editStatus()
            .withReplicas(2)
            .withUpdatedReplicas(2)
            .withAvailableReplicas(2)
            .endStatus()
            .build();

    assertThat(DeploymentProgress.observe(surging).progress()).isEqualTo(Serving.Progress.UPDATING);
    assertThat(DeploymentProgress.observe(complete))
        .isEqualTo(new Serving("S1", Serving.Progress.AVAILABLE));
  }
}
