package dev.paddock.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paddock.api.v1alpha1.StudyPhase;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import dev.paddock.testsupport.MinioExtension;
import dev.paddock.testsupport.MinioServer;
import dev.paddock.testsupport.kubelet.KubeletHarness;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A study whose trial pods truly run: the real API server, scheduler and controller manager, a node
 * played by {@link KubeletHarness} with two GPUs that runs each trial pod's container as the real
 * DJL trainer, the operator in-process with its report endpoint on loopback, and a real MinIO for
 * the artifacts.
 */
@ExtendWith({KubeClusterExtension.class, MinioExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndIT {

  private static final String NODE = "e2e-gpu-node";
  private static final String BUCKET = "paddock-e2e";
  private static final ObjectMapper JSON = new ObjectMapper();

  private KubeCluster cluster;
  private RealTrainerCluster real;

  @BeforeAll
  void start(KubeCluster cluster, MinioServer minio) {
    this.cluster = cluster;
    real = new RealTrainerCluster(cluster, minio, NODE, BUCKET);
  }

  @AfterAll
  void stop() {
    if (real != null) {
      real.close();
    }
  }

  @Test
  void aStudyOfRealTrainerPodsEndsWithGradedTrialsPrunedOnesAndArtifactsInMinio() throws Exception {
    String namespace = cluster.createNamespace("e2e");
    real.createStoreSecret(namespace);
    TrainingStudy study =
        cluster
            .client()
            .getKubernetesSerialization()
            .unmarshal(
                Files.readString(Path.of("src/test/resources/e2e/study.yaml")),
                TrainingStudy.class);
    study.getMetadata().setNamespace(namespace);
    cluster.client().resource(study).create();

    TrainingStudy done = awaitStudy(namespace);

    assertThat(done.getStatus().phase()).isEqualTo(StudyPhase.Succeeded);
    List<Trial> trials =
        cluster.client().resources(Trial.class).inNamespace(namespace).list().getItems();
    assertThat(trials).hasSize(6);
    trials.forEach(
        t ->
            System.out.printf(
                "%s %s epoch=%s objective=%s grade=%s code=%s: %s%n",
                t.getMetadata().getName(),
                t.getStatus().phase(),
                t.getStatus().epoch(),
                t.getStatus().objective(),
                t.getStatus().grade(),
                t.getStatus().code(),
                t.getStatus().message()));
    assertThat(trials)
        .allSatisfy(
            t -> {
              assertThat(t.getStatus().phase()).isIn(TrialPhase.Succeeded, TrialPhase.Pruned);
              assertThat(t.getStatus().objective()).isNotNull();
              assertThat(t.getStatus().grade()).isNotNull();
              assertThat(t.getStatus().code()).startsWith("E2E-");
              // The GPU it held is counted (the Job's duration times one GPU).
              assertThat(t.getStatus().gpuSeconds()).isPositive();
            });
    assertThat(trials)
        .filteredOn(t -> t.getStatus().phase() == TrialPhase.Pruned)
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.getStatus().message()).contains("below median"));
    for (Trial trial : trials) {
      assertRanOnTheGpuNode(namespace, trial);
      assertArtifactsInMinio(namespace, trial);
    }
  }

  private void assertRanOnTheGpuNode(String namespace, Trial trial) throws Exception {
    List<Pod> pods =
        cluster
            .client()
            .pods()
            .inNamespace(namespace)
            .withLabel(Labels.TRIAL, trial.getMetadata().getName())
            .list()
            .getItems();
    assertThat(pods).hasSize(1);
    Pod pod = pods.get(0);
    assertThat(pod.getSpec().getNodeName()).isEqualTo(NODE);
    assertThat(pod.getSpec().getContainers().get(0).getResources().getLimits())
        .containsEntry("nvidia.com/gpu", new Quantity("1"));
    ContainerStatus trainer = pod.getStatus().getContainerStatuses().get(0);
    assertThat(trainer.getState().getTerminated().getExitCode()).isZero();
    // The trainer's summary came back through the termination message, and the trial's final
    // metrics are its.
    JsonNode summary = JSON.readTree(trainer.getState().getTerminated().getMessage());
    boolean pruned = trial.getStatus().phase() == TrialPhase.Pruned;
    assertThat(summary.path("status").asText()).isEqualTo(pruned ? "stopped" : "completed");
    assertThat(summary.path("epoch").asInt()).isEqualTo(trial.getStatus().epoch());
    assertThat(trial.getStatus().metrics().get("val_accuracy").latest())
        .isEqualTo(summary.path("metrics").path("val_accuracy").asDouble());
    if (pruned) {
      assertThat(summary.path("epoch").asInt()).isLessThan(6);
    }
  }

  private void assertArtifactsInMinio(String namespace, Trial trial) throws Exception {
    String prefix = "studies/" + namespace + "/e2e/trials/" + trial.getMetadata().getName() + "/";
    assertThat(trial.getStatus().artifacts()).isEqualTo("s3://" + BUCKET + "/" + prefix);
    List<String> keys = real.objects(prefix);
    assertThat(keys)
        .contains(
            prefix + "model/model.json",
            prefix + "model/weights.params",
            prefix + "metadata.json",
            prefix + "epoch_metrics.csv",
            prefix + "checkpoints/latest.json");
    assertThat(keys).anyMatch(k -> k.startsWith(prefix + "checkpoints/epoch-"));
  }

  private TrainingStudy awaitStudy(String namespace) {
    try {
      return cluster
          .client()
          .resources(TrainingStudy.class)
          .inNamespace(namespace)
          .withName("e2e")
          .waitUntilCondition(
              s ->
                  s != null
                      && s.getStatus() != null
                      && (s.getStatus().phase() == StudyPhase.Succeeded
                          || s.getStatus().phase() == StudyPhase.Failed),
              480,
              TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      throw new AssertionError(
          "the study did not end; trials: "
              + cluster
                  .client()
                  .resources(Trial.class)
                  .inNamespace(namespace)
                  .list()
                  .getItems()
                  .stream()
                  .map(t -> t.getMetadata().getName() + "=" + t.getStatus())
                  .toList()
              + "\ntrainer logs:\n"
              + real.kubelet.logs(),
          e);
    }
  }
}
