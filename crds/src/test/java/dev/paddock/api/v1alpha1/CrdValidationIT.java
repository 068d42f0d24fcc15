package dev.paddock.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Against a real kube-apiserver: the CRDs install, every example is accepted, and every manifest of
 * the invalid corpus is refused with a message that names the offending field.
 */
@ExtendWith(KubeClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrdValidationIT {

  private KubeCluster cluster;
  private String namespace;
  private int sequence;

  @BeforeAll
  void createNamespace(KubeCluster cluster) {
    this.cluster = cluster;
    this.namespace = cluster.createNamespace("crd-validation");
  }

  static List<Path> examples() {
    return Manifests.examples();
  }

  static List<Path> invalid() {
    return Manifests.invalid();
  }

  @Test
  void theCorpusHasAtLeast25DefectsEachWithAnExpectation() {
    assertThat(invalid()).hasSizeGreaterThanOrEqualTo(25);
    assertThat(invalid())
        .allSatisfy(f -> assertThat(Manifests.expectations(f)).as("%s", f).isNotEmpty());
  }

  @ParameterizedTest
  @MethodSource("examples")
  void examplesAreAccepted(Path example) {
    GenericKubernetesResource created = create(example);

    assertThat(created.getMetadata().getUid()).isNotBlank();
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidManifestsAreRefusedNamingTheField(Path manifest) {
    assertThatThrownBy(() -> create(manifest))
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(
            e -> {
              KubernetesClientException refusal = (KubernetesClientException) e;
              assertThat(refusal.getCode()).isEqualTo(422);
              for (String expected : Manifests.expectations(manifest)) {
                assertThat(refusal.getMessage()).contains(expected);
              }
            });
  }

  @Test
  void aStudyReadsBackAsTheJavaType() {
    String name =
        create(Path.of("..", "examples", "quickstart", "study.yaml")).getMetadata().getName();

    TrainingStudy study =
        cluster.client().resources(TrainingStudy.class).inNamespace(namespace).withName(name).get();

    assertThat(study.getSpec().search().algorithm()).isEqualTo(SearchAlgorithm.TPE);
    assertThat(study.getSpec().trial().template().spec().getContainers())
        .extracting(ContainerTemplate::getName)
        .containsExactly("trainer");
  }

  private GenericKubernetesResource create(Path manifest) {
    GenericKubernetesResource resource =
        cluster
            .client()
            .getKubernetesSerialization()
            .unmarshal(Manifests.read(manifest), GenericKubernetesResource.class);
    // Several tests create the same example: a per-call name keeps them independent.
    resource.getMetadata().setName(resource.getMetadata().getName() + "-" + sequence++);
    return cluster.client().resource(resource).inNamespace(namespace).create();
  }
}
