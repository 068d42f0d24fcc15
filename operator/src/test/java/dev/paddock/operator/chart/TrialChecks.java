package dev.paddock.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.contract.store.ArtifactLayout;
import dev.paddock.testsupport.MinioServer;
import dev.paddock.testsupport.RealCluster;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * What every ended trial of a real-node study must show: its container of the trainer image ran on
 * the real node and exited 0, its summary came back through the termination message and is the
 * trial's final status, and its model, metrics and checkpoints are in MinIO under its prefix.
 */
final class TrialChecks {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final MinioServer minio;
  private final String bucket;
  private final String trainerImage;

  TrialChecks(KubernetesClient client, MinioServer minio, String bucket, String trainerImage) {
    this.client = client;
    this.minio = minio;
    this.bucket = bucket;
    this.trainerImage = trainerImage;
  }

  /**
   * {@code checkpointEvery}: the study's checkpointEveryEpochs (a trial pruned sooner has none).
   */
  void check(Trial trial, String codePrefix, int checkpointEvery) throws Exception {
    assertThat(trial.getStatus().phase()).isIn(TrialPhase.Succeeded, TrialPhase.Pruned);
    assertThat(trial.getStatus().objective()).isNotNull();
    assertThat(trial.getStatus().grade()).isNotNull();
    assertThat(trial.getStatus().code()).startsWith(codePrefix);
    if (trial.getStatus().phase() == TrialPhase.Pruned) {
      assertThat(trial.getStatus().message()).contains("below median");
    }
    ranInTheTrainerContainer(trial);
    artifactsInMinio(trial, trial.getStatus().epoch() >= checkpointEvery);
  }

  private void ranInTheTrainerContainer(Trial trial) throws Exception {
    String namespace = trial.getMetadata().getNamespace();
    List<Pod> pods =
        client
            .pods()
            .inNamespace(namespace)
            .withLabel("paddock.dev/trial", trial.getMetadata().getName())
            .list()
            .getItems();
    assertThat(pods).hasSize(1);
    Pod pod = pods.get(0);
    assertThat(pod.getSpec().getNodeName()).isEqualTo(RealCluster.NODE_NAME);
    ContainerStatus trainer = pod.getStatus().getContainerStatuses().get(0);
    assertThat(trainer.getImage()).isEqualTo(trainerImage);
    assertThat(trainer.getContainerID()).startsWith("containerd://");
    assertThat(trainer.getState().getTerminated().getExitCode()).isZero();
    JsonNode summary = JSON.readTree(trainer.getState().getTerminated().getMessage());
    boolean pruned = trial.getStatus().phase() == TrialPhase.Pruned;
    assertThat(summary.path("status").asText()).isEqualTo(pruned ? "stopped" : "completed");
    assertThat(summary.path("epoch").asInt()).isEqualTo(trial.getStatus().epoch());
    assertThat(trial.getStatus().metrics().get("val_loss").latest())
        .isEqualTo(summary.path("metrics").path("val_loss").asDouble());
  }

  private void artifactsInMinio(Trial trial, boolean checkpointed) {
    String prefix =
        ArtifactLayout.trial(
            trial.getMetadata().getNamespace(),
            trial.getSpec().study(),
            trial.getMetadata().getName());
    assertThat(trial.getStatus().artifacts()).isEqualTo("s3://" + bucket + "/" + prefix);
    List<String> keys = minio.keys(bucket, prefix);
    assertThat(keys)
        .contains(
            prefix + "model/model.json", prefix + "metadata.json", prefix + "epoch_metrics.csv");
    if (checkpointed) {
      assertThat(keys)
          .contains(prefix + "checkpoints/latest.json")
          .anyMatch(k -> k.startsWith(prefix + "checkpoints/epoch-"));
    }
  }
}
