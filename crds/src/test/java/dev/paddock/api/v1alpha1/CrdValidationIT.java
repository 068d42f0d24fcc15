package dev.paddock.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import dev.paddock.testsupport.StudyEdit;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Against a real kube-apiserver: the CRDs install, every example is accepted, every manifest of the
 * invalid corpus is refused with a message that names the offending field, and every edit of the
 * live-edit corpus is refused (with exactly the expected message) or accepted on a live study.
 */
@ExtendWith(KubeClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrdValidationIT {

  private static final Path QUICKSTART = Path.of("..", "examples", "quickstart", "study.yaml");

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

  static List<StudyEdit> refusedEdits() {
    return Manifests.refusedEdits();
  }

  static List<StudyEdit> allowedEdits() {
    return Manifests.allowedEdits();
  }

  @Test
  void theEditCorpusCoversEveryFixedFieldAndTheAllowedOnes() {
    assertThat(refusedEdits()).hasSizeGreaterThanOrEqualTo(14);
    assertThat(refusedEdits()).allSatisfy(e -> assertThat(e.expectations()).hasSize(1));
    assertThat(allowedEdits())
        .extracting(StudyEdit::name)
        .contains("budget-parallelism", "suspend", "operations");
    assertThat(allowedEdits()).allSatisfy(e -> assertThat(e.expectations()).isEmpty());
  }

  @ParameterizedTest
  @MethodSource("refusedEdits")
  void anEditOfAFixedFieldIsRefusedNamingIt(StudyEdit edit) {
    GenericKubernetesResource study = create(QUICKSTART);
    String name = study.getMetadata().getName();

    assertThatThrownBy(() -> update(study, edit))
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(
            e -> {
              KubernetesClientException refusal = (KubernetesClientException) e;
              assertThat(refusal.getCode()).isEqualTo(422);
              assertThat(refusal.getStatus().getMessage())
                  .isEqualTo(
                      "TrainingStudy.paddock.dev \""
                          + name
                          + "\" is invalid: "
                          + edit.expectations().get(0));
            });
  }

  @ParameterizedTest
  @MethodSource("allowedEdits")
  void anEditOfAnOperationalFieldIsAccepted(StudyEdit edit) {
    GenericKubernetesResource study = create(QUICKSTART);

    GenericKubernetesResource updated = update(study, edit);

    assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);
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

  /** Replaces {@code study} by its edit (a PUT, as {@code kubectl apply} of an edited file). */
  @SuppressWarnings("unchecked")
  private GenericKubernetesResource update(GenericKubernetesResource study, StudyEdit edit) {
    var serialization = cluster.client().getKubernetesSerialization();
    Map<String, Object> edited = edit.applyTo(serialization.convertValue(study, Map.class));
    GenericKubernetesResource resource =
        serialization.convertValue(edited, GenericKubernetesResource.class);
    return cluster.client().resource(resource).inNamespace(namespace).update();
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
