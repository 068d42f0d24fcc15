package dev.paddock.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Java types read every example and write it back without losing a field. */
class ManifestParsingTest {

  private final KubernetesSerialization serialization = new KubernetesSerialization();

  static List<Path> examples() {
    return Manifests.examples();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void examplesRoundTripThroughTheJavaTypes(Path example) {
    String yaml = Manifests.read(example);
    Object typed = serialization.unmarshal(yaml, kindOf(yaml));
    Map<?, ?> original = serialization.unmarshal(yaml, Map.class);
    Map<?, ?> written = serialization.convertValue(typed, Map.class);
    written.remove("status");
    ((Map<?, ?>) written.get("metadata"))
        .keySet()
        .retainAll(((Map<?, ?>) original.get("metadata")).keySet());
    JsonNode expected = serialization.convertValue(original, JsonNode.class);
    JsonNode actual = serialization.convertValue(written, JsonNode.class);
    assertThat(actual.equals(NUMBERS_BY_VALUE, expected))
        .withFailMessage("expected%n%s%nbut the Java types wrote%n%s", expected, actual)
        .isTrue();
  }

  /** 25 and 25.0, 32 and 32L are the same number in a manifest. */
  private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) ->
          a.isNumber() && b.isNumber()
              ? Double.compare(a.doubleValue(), b.doubleValue())
              : a.equals(b) ? 0 : 1;

  @Test
  void podTemplateKeepsFieldsItDoesNotType() {
    String yaml =
        """
        containers:
          - name: trainer
            image: paddock/trainer:0.1.0
            resources: {limits: {nvidia.com/gpu: 1}}
        tolerations: [{key: gpu, operator: Exists}]
        """;
    PodSpecTemplate spec = serialization.unmarshal(yaml, PodSpecTemplate.class);

    assertThat(spec.getContainers())
        .singleElement()
        .extracting(ContainerTemplate::getName)
        .isEqualTo("trainer");
    assertThat(spec.getContainers().get(0).getOtherFields()).containsKey("resources");
    assertThat(spec.getOtherFields()).containsKey("tolerations");
    assertThat(serialization.asYaml(spec)).contains("nvidia.com/gpu").contains("tolerations");
  }

  private static Class<? extends HasMetadata> kindOf(String yaml) {
    if (yaml.contains("kind: TrainingStudy")) {
      return TrainingStudy.class;
    }
    if (yaml.contains("kind: ModelDeployment")) {
      return ModelDeployment.class;
    }
    return Trial.class;
  }
}
