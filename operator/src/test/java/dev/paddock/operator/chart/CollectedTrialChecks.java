package dev.paddock.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.contract.store.ArtifactLayout;
import dev.paddock.testsupport.MinioServer;
import dev.paddock.testsupport.RealCluster;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * What every ended trial of a collected study (examples/bring-your-own) must show on the real node:
 * the collector ran as a native sidecar beside the script's own container, which printed its lines
 * unchanged; the trial's status is what the collector read, its summary came back through the
 * collector's termination message, and the script's output directory and checkpoints are in MinIO
 * under the trial's prefix.
 */
final class CollectedTrialChecks {

  static final String IMAGE = "docker.io/paddock/bring-your-own:";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final ChartCommands commands;
  private final MinioServer minio;
  private final String bucket;

  CollectedTrialChecks(
      KubernetesClient client, ChartCommands commands, MinioServer minio, String bucket) {
    this.client = client;
    this.commands = commands;
    this.minio = minio;
    this.bucket = bucket;
  }

  void check(Trial trial, String codePrefix, int epochs) throws Exception {
    assertThat(trial.getStatus().phase()).isIn(TrialPhase.Succeeded, TrialPhase.Pruned);
    assertThat(trial.getStatus().code()).startsWith(codePrefix);
    if (trial.getStatus().phase() == TrialPhase.Succeeded) {
      assertThat(trial.getStatus().epoch()).isEqualTo(epochs);
    } else {
      assertThat(trial.getStatus().message()).contains("below median");
      assertThat(trial.getStatus().epoch()).isLessThan(epochs);
    }
    Pod pod = pod(trial);
    sidecarAndLauncher(pod);
    summaryFromTheCollector(trial, pod);
    theScriptsOwnLog(pod, epochs);
    artifactsInMinio(trial);
  }

  /**
   * A trial whose script pushes through the Python client: the sidecar only keeps its directories,
   * and the summary is the one the client wrote as the trainer's termination message.
   */
  void pushed(Trial trial, String codePrefix, int epochs) throws Exception {
    assertThat(trial.getStatus().phase()).isIn(TrialPhase.Succeeded, TrialPhase.Pruned);
    assertThat(trial.getStatus().code()).startsWith(codePrefix);
    Pod pod = pod(trial);
    sidecarAndLauncher(pod);
    ContainerStatus trainer = pod.getStatus().getContainerStatuses().get(0);
    JsonNode summary = JSON.readTree(trainer.getState().getTerminated().getMessage());
    boolean pruned = trial.getStatus().phase() == TrialPhase.Pruned;
    assertThat(summary.path("status").asText()).isEqualTo(pruned ? "stopped" : "completed");
    assertThat(summary.path("epoch").asInt()).isEqualTo(trial.getStatus().epoch());
    if (!pruned) {
      assertThat(trial.getStatus().epoch()).isEqualTo(epochs);
    }
    artifactsInMinio(trial);
  }

  private Pod pod(Trial trial) {
    List<Pod> pods =
        client
            .pods()
            .inNamespace(trial.getMetadata().getNamespace())
            .withLabel("paddock.dev/trial", trial.getMetadata().getName())
            .list()
            .getItems();
    assertThat(pods).hasSize(1);
    assertThat(pods.get(0).getSpec().getNodeName()).isEqualTo(RealCluster.NODE_NAME);
    return pods.get(0);
  }

  private static void sidecarAndLauncher(Pod pod) {
    Container collector = pod.getSpec().getInitContainers().get(0);
    assertThat(collector.getName()).isEqualTo("paddock-collector");
    assertThat(collector.getRestartPolicy()).isEqualTo("Always");
    // The chart's image, as its values spell it (containerd reads paddock/... as docker.io/...).
    assertThat(collector.getImage()).matches("(docker.io/)?paddock/operator:.+");
    Container trainer = pod.getSpec().getContainers().get(0);
    assertThat(trainer.getImage()).startsWith(IMAGE);
    assertThat(trainer.getCommand()).startsWith("/paddock/run/bin/paddock-launch", "--", "python3");
    ContainerStatus status = pod.getStatus().getContainerStatuses().get(0);
    assertThat(status.getContainerID()).startsWith("containerd://");
    assertThat(status.getState().getTerminated().getExitCode())
        .as("a stopped trial exits 0 too")
        .isZero();
  }

  private static void summaryFromTheCollector(Trial trial, Pod pod) throws Exception {
    ContainerStatus collector = pod.getStatus().getInitContainerStatuses().get(0);
    assertThat(collector.getName()).isEqualTo("paddock-collector");
    JsonNode summary = JSON.readTree(collector.getState().getTerminated().getMessage());
    boolean pruned = trial.getStatus().phase() == TrialPhase.Pruned;
    assertThat(summary.path("status").asText()).isEqualTo(pruned ? "stopped" : "completed");
    assertThat(summary.path("epoch").asInt()).isGreaterThanOrEqualTo(trial.getStatus().epoch());
    assertThat(trial.getStatus().metrics().get("val_loss").latest()).isNotNull();
  }

  /** {@code kubectl logs}: the script's Keras-style lines, as it printed them. */
  private void theScriptsOwnLog(Pod pod, int epochs) {
    ChartCommands.Result log =
        commands.kubectl(
            null,
            "logs",
            "-n",
            pod.getMetadata().getNamespace(),
            pod.getMetadata().getName(),
            "-c",
            "trainer");
    assertThat(log.exit()).as(log.toString()).isZero();
    assertThat(log.out()).containsPattern("Epoch 1/" + epochs + " - loss: \\S+ - acc: \\S+");
  }

  private void artifactsInMinio(Trial trial) {
    String prefix =
        ArtifactLayout.trial(
            trial.getMetadata().getNamespace(),
            trial.getSpec().study(),
            trial.getMetadata().getName());
    assertThat(trial.getStatus().artifacts()).isEqualTo("s3://" + bucket + "/" + prefix);
    List<String> keys = minio.keys(bucket, prefix);
    assertThat(keys).contains(prefix + "epoch_metrics.csv", prefix + "checkpoints/checkpoint.json");
    if (trial.getStatus().phase() == TrialPhase.Succeeded) {
      assertThat(keys).contains(prefix + "best_model.json");
    }
    String archived = trial.getStatus().archived();
    if (archived != null) {
      // Any training code is archived with its whole output directory, not its checkpoints.
      String archive = archived.substring(("s3://" + bucket + "/").length());
      assertThat(minio.keys(bucket, archive))
          .contains(archive + "best_model.json", archive + "epoch_metrics.csv")
          .noneMatch(k -> k.contains("/checkpoints/"));
    }
  }

  /** At least one trial of the study was archived (its archive block chooses the best third). */
  static void someArchived(List<Trial> trials) {
    assertThat(trials).anyMatch(t -> t.getStatus().archived() != null);
  }
}
