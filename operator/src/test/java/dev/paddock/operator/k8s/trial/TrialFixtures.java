package dev.paddock.operator.k8s.trial;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A study from the examples, a trial of it and its pods, for rendering and status tests. */
final class TrialFixtures {

  static final KubernetesSerialization YAML = new KubernetesSerialization();

  private TrialFixtures() {}

  /** A trial's pod created at {@code created} (its name follows), in {@code phase}. */
  static PodBuilder pod(String created, String phase) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("p-" + created)
        .withCreationTimestamp(created)
        .endMetadata()
        .withNewStatus()
        .withPhase(phase)
        .endStatus();
  }

  /** The quickstart study, its trainer asking for one GPU, with extra YAML spliced into spec. */
  static TrainingStudy study(String namespace, String extraSpec) {
    return study(namespace, extraSpec, "");
  }

  /** The quickstart study with {@code trainerYaml} added to its trainer container. */
  static TrainingStudy study(String namespace, String extraSpec, String trainerYaml) {
    try {
      String yaml =
          Files.readString(Path.of("..", "examples", "quickstart", "study.yaml"))
                  .replace(
                      "resources: {limits: {cpu: \"1\", memory: 1Gi}}",
                      "resources: {limits: {nvidia.com/gpu: 1}}\n            env: [{name: PADDOCK_EPOCHS, value: \"999\"}, {name: LOG_LEVEL, value: debug}]"
                          + trainerYaml)
              + extraSpec;
      TrainingStudy study = YAML.unmarshal(yaml, TrainingStudy.class);
      study.getMetadata().setNamespace(namespace);
      return study;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Trial trial(String namespace, int index, String uid) {
    Trial trial = new Trial();
    trial.setMetadata(
        new ObjectMetaBuilder()
            .withName("quickstart-" + index)
            .withNamespace(namespace)
            .withUid(uid)
            .build());
    trial.setSpec(
        new TrialSpec(
            "quickstart", index, 10, Map.of("lr", "0.001", "hidden", "64,32", "batch_size", "64")));
    return trial;
  }
}
