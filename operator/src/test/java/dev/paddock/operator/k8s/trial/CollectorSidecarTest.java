package dev.paddock.operator.k8s.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.operator.k8s.ClusterSettings;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The pod of a collected trial: the collector as a native sidecar, the trainer launched by it. */
class CollectorSidecarTest {

  private static final ClusterSettings SETTINGS =
      new ClusterSettings(
          "http://paddock.paddock-system:8080/v1/report",
          "s3://paddock",
          "http://minio:9000",
          "paddock-store",
          null,
          "registry.example/paddock/operator:1.2.3");

  private static TrainingStudy study(String collector, String command) throws IOException {
    return study(collector, command, "");
  }

  /** The quickstart, collected, with {@code podYaml} added to its pod spec. */
  private static TrainingStudy study(String collector, String command, String podYaml)
      throws IOException {
    String yaml =
        Files.readString(Path.of("..", "examples", "quickstart", "study.yaml"))
            .replace("    maxRetries: 1", "    maxRetries: 1\n    metricsCollector: " + collector)
            .replace("        containers:\n", podYaml + "        containers:\n")
            .replace(
                "resources: {limits: {cpu: \"1\", memory: 1Gi}}",
                command + "\n            env: [{name: PADDOCK_OUTPUT_DIR, value: /elsewhere}]");
    TrainingStudy study = TrialFixtures.YAML.unmarshal(yaml, TrainingStudy.class);
    study.getMetadata().setNamespace("team-a");
    return study;
  }

  private static PodSpec pod(TrainingStudy study) {
    return TrialJobs.render(study, TrialFixtures.trial("team-a", 3, "uid-3"), SETTINGS, "v1.tok")
        .getSpec()
        .getTemplate()
        .getSpec();
  }

  private static Map<String, String> env(Container container) {
    return container.getEnv().stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  @Test
  void theCollectorIsANativeSidecarThatGatesTheTrainer() throws IOException {
    PodSpec pod =
        pod(
            study(
                "{kind: stdout, format: regex, pattern: 'ep (?<epoch>\\d+) f1=(?<f1>\\S+)'}",
                "command: [python3, /app/train.py]"));

    Container collector = pod.getInitContainers().get(pod.getInitContainers().size() - 1);
    assertThat(collector.getName()).isEqualTo("paddock-collector");
    assertThat(collector.getRestartPolicy()).isEqualTo("Always");
    assertThat(collector.getImage()).isEqualTo("registry.example/paddock/operator:1.2.3");
    assertThat(collector.getArgs()).containsExactly("collect");
    assertThat(collector.getStartupProbe().getExec().getCommand())
        .containsExactly("test", "-f", "/paddock/run/ready");
    assertThat(collector.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(collector.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    Map<String, String> settings = env(collector);
    assertThat(settings)
        .containsEntry("PADDOCK_COLLECTOR_KIND", "STDOUT")
        .containsEntry("PADDOCK_COLLECTOR_FORMAT", "REGEX")
        .containsEntry("PADDOCK_COLLECTOR_EPOCH_KEY", "epoch")
        .containsEntry("PADDOCK_COLLECTOR_PATTERN", "ep (?<epoch>\\d+) f1=(?<f1>\\S+)")
        .containsEntry("PADDOCK_REPORT_TOKEN", "v1.tok")
        .containsEntry("PADDOCK_TRIAL", "team-a/quickstart-3")
        .containsEntry("PADDOCK_OUTPUT_DIR", "/paddock/output")
        .containsEntry("PADDOCK_CHECKPOINT_DIR", "/paddock/checkpoints");
    assertThat(collector.getEnv())
        .filteredOn(e -> e.getName().equals("PADDOCK_S3_SECRET_KEY"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getValueFrom().getSecretKeyRef().getName())
                    .isEqualTo("paddock-store"));
    assertThat(settings).doesNotContainKeys("PADDOCK_PARAMS", "PADDOCK_PARAM_LR");
  }

  @Test
  void theTrainersOwnCommandRunsThroughTheLauncher() throws IOException {
    PodSpec pod = pod(study("{kind: stdout}", "command: [python3, /app/train.py]"));

    Container trainer = pod.getContainers().get(0);
    assertThat(trainer.getCommand())
        .containsExactly("/paddock/run/bin/paddock-launch", "--", "python3", "/app/train.py");
    assertThat(trainer.getArgs())
        .containsExactly(
            "train", "--data", "synthetic:moons", "--label", "label", "--task", "binary");
    Map<String, String> env = env(trainer);
    assertThat(env)
        .containsEntry("PADDOCK_OUTPUT_DIR", "/paddock/output")
        .containsEntry("PADDOCK_CHECKPOINT_DIR", "/paddock/checkpoints")
        .containsEntry("PADDOCK_RUN_DIR", "/paddock/run")
        .containsEntry("PADDOCK_STOP_GRACE_SECONDS", "30")
        .containsEntry("PADDOCK_PARAM_LR", "0.001");
    assertThat(trainer.getEnv())
        .filteredOn(e -> e.getName().equals("PADDOCK_OUTPUT_DIR"))
        .hasSize(1);
    assertThat(trainer.getVolumeMounts())
        .extracting(VolumeMount::getMountPath)
        .contains("/paddock/run", "/paddock/output", "/paddock/checkpoints")
        .doesNotContain("/tmp");
    assertThat(pod.getVolumes())
        .extracting(Volume::getName)
        .containsExactlyInAnyOrder(
            "paddock-run", "paddock-output", "paddock-checkpoints", "paddock-collector-tmp");
    assertThat(pod.getVolumes()).allSatisfy(v -> assertThat(v.getEmptyDir()).isNotNull());
  }

  @Test
  void aPushingTrainerGetsTheManagedDirectoriesToo() throws IOException {
    PodSpec pod = pod(study("{kind: push}", "command: [python3, /app/train_client.py]"));

    assertThat(pod.getInitContainers())
        .extracting(Container::getName)
        .containsExactly("paddock-collector");
    assertThat(env(pod.getInitContainers().get(0)))
        .containsEntry("PADDOCK_COLLECTOR_KIND", "PUSH")
        .doesNotContainKey("PADDOCK_COLLECTOR_FORMAT");
  }

  @Test
  void aStudyWithoutACollectorKeepsItsPodAsItWrote() throws IOException {
    PodSpec pod = pod(TrialFixtures.study("team-a", ""));

    assertThat(pod.getInitContainers()).isNullOrEmpty();
    assertThat(pod.getContainers().get(0).getCommand()).isNullOrEmpty();
    assertThat(pod.getVolumes()).isNullOrEmpty();
  }

  @Test
  void aCollectedTrainerWithoutACommandIsRefused() throws IOException {
    TrainingStudy study = study("{kind: stdout}", "imagePullPolicy: Never");

    assertThatThrownBy(() -> pod(study))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names no command");
  }

  @Test
  void theStopGraceIsThePodsTerminationGrace() throws IOException {
    TrainingStudy study =
        study(
            "{kind: stdout}",
            "command: [python3, /app/train.py]",
            "        terminationGracePeriodSeconds: 90\n");

    assertThat(env(pod(study).getContainers().get(0)))
        .containsEntry("PADDOCK_STOP_GRACE_SECONDS", "90");
  }
}
