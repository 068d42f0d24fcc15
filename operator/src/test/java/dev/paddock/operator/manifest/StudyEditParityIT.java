package dev.paddock.operator.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import dev.paddock.testsupport.StudyEdit;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The local check of an edit and the API server's agree word for word: every edit of the live-edit
 * corpus, and edits of several fixed fields at once, are applied to a study on a real
 * kube-apiserver and checked with {@link Manifests#checkEdit}; both refuse with the same message,
 * or both accept.
 */
@ExtendWith(KubeClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudyEditParityIT {

  private static final Path EDITS = Path.of("..", "crds", "src", "test", "resources", "edits");
  private static final Path QUICKSTART = Path.of("..", "examples", "quickstart", "study.yaml");
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private KubeCluster cluster;
  private String namespace;
  private int sequence;

  @BeforeAll
  void createNamespace(KubeCluster cluster) {
    this.cluster = cluster;
    this.namespace = cluster.createNamespace("study-edits");
  }

  static List<StudyEdit> edits() {
    List<StudyEdit> edits = new ArrayList<>(StudyEdit.under(EDITS.resolve("refused")));
    edits.addAll(StudyEdit.under(EDITS.resolve("allowed")));
    edits.add(
        new StudyEdit(
            "search-seed-algorithm-and-tpe-with-parallelism",
            Map.of(
                "spec",
                Map.of(
                    "search",
                    Map.of("seed", 7, "algorithm", "random", "tpe", Map.of("candidates", 48)),
                    "budget",
                    Map.of("parallelism", 4))),
            List.of(
                "spec.search.algorithm: Invalid value",
                "spec.search.seed: Invalid value",
                "spec.search.tpe: Invalid value")));
    return edits;
  }

  @ParameterizedTest
  @MethodSource("edits")
  void theLocalCheckSaysWhatTheServerSays(StudyEdit edit) {
    Map<String, Object> base = quickstart("edit-" + sequence++);
    Map<String, Object> edited = edit.applyTo(base);

    String server = serverRefusal(base, edited);
    String local = localRefusal(base, edited);

    assertThat(local).as("%s", edit).isEqualTo(server);
    if (edit.expectations().isEmpty()) {
      assertThat(server).as("%s is accepted", edit).isNull();
    } else {
      assertThat(server).as("%s is refused", edit).contains(edit.expectations());
    }
  }

  /** What the server says to the edit of a study it holds: its refusal, or null if it accepts. */
  private String serverRefusal(Map<String, Object> base, Map<String, Object> edited) {
    GenericKubernetesResource created =
        cluster.client().resource(resource(base)).inNamespace(namespace).create();
    GenericKubernetesResource update = resource(edited);
    update.getMetadata().setResourceVersion(created.getMetadata().getResourceVersion());
    try {
      cluster.client().resource(update).inNamespace(namespace).update();
      return null;
    } catch (KubernetesClientException e) {
      assertThat(e.getCode()).isEqualTo(422);
      return e.getStatus().getMessage();
    } finally {
      // The cluster is shared by the JVM's tests: a study left here would be run by the next
      // test's operator (one watching every namespace), beside that test's own trials.
      cluster.client().resource(created).inNamespace(namespace).delete();
    }
  }

  private static String localRefusal(Map<String, Object> base, Map<String, Object> edited) {
    try {
      Manifests.checkEdit(study(base), study(edited));
      return null;
    } catch (InvalidManifestException e) {
      return e.getMessage();
    }
  }

  private static TrainingStudy study(Map<String, Object> resource) {
    return (TrainingStudy) Manifests.read(SERIALIZATION.asYaml(resource), "study.yaml");
  }

  private static GenericKubernetesResource resource(Map<String, Object> map) {
    return SERIALIZATION.convertValue(map, GenericKubernetesResource.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> quickstart(String name) {
    try {
      Map<String, Object> study = SERIALIZATION.unmarshal(Files.readString(QUICKSTART), Map.class);
      ((Map<String, Object>) study.get("metadata")).put("name", name);
      return study;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
