package dev.paddock.operator.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Differential test of the two validators of a TrainingStudy: jqwik generates manifests (valid
 * studies at the schema's edges, and the same with one to three defects: ranges, enums, min >= max,
 * log with min <= 0, parallelism above maxTrials, thresholds out of order, bad code templates, grid
 * over an infinite space, no trainer container, bad cron, duplicate names, wrong types, unknown
 * fields, ...), and each is created on a real kube-apiserver ({@code dryRun=All}, strict field
 * validation, as {@code kubectl apply} does) and read by {@link Manifests#read}, as {@code paddock
 * run} does. Both must give the same verdict and, for a refusal, the same message: the local
 * validator builds the server's whole message ({@code TrainingStudy.paddock.dev "name" is invalid:
 * [...]} or the strict decoding error), so only the order of the errors inside the brackets is
 * normalised ({@link ErrorOrder}: the server's order is Go map order, random); the server gets what
 * kubectl sends ({@link StudyCase#kubectlBody}).
 *
 * <p>Every disagreement is collected and reported with its manifest. The run is deterministic: the
 * seed and number of tries are {@code -Dpaddock.differential.seed} (19) and {@code
 * -Dpaddock.differential.tries} (400).
 */
@ExtendWith(KubeClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidatorDifferentialIT {

  static final String ACCEPTED = "<accepted>";
  private static final long SEED = Long.getLong("paddock.differential.seed", 19L);
  private static final int TRIES = Integer.getInteger("paddock.differential.tries", 400);

  private KubeCluster cluster;
  private String namespace;

  @BeforeAll
  void createNamespace(KubeCluster cluster) {
    this.cluster = cluster;
    this.namespace = cluster.createNamespace("differential");
  }

  @Test
  void theApiServerAndPaddockRunGiveTheSameVerdictAndMessage() {
    // jqwik's generators outside a jqwik property need a session (it holds their memo store).
    JqwikSession.start();
    try {
      compareOnGeneratedManifests();
    } finally {
      JqwikSession.finish();
    }
  }

  private void compareOnGeneratedManifests() {
    RandomGenerator<StudyCase> generator = StudyCase.cases().generatorWithEmbeddedEdgeCases(100);
    Random random = new Random(SEED);
    List<String> disagreements = new ArrayList<>();
    List<String> mislabelled = new ArrayList<>();
    Map<String, Integer> triedKinds = new TreeMap<>();
    int accepted = 0;
    for (int i = 0; i < TRIES; i++) {
      StudyCase study = generator.next(random).value();
      InvalidManifestException refusal = localRefusal(study);
      String local = refusal == null ? ACCEPTED : refusal.getMessage();
      String server = serverVerdict(study);
      if (refusal != null) {
        server = ErrorOrder.asLocal(server, local, refusal.errors());
      }
      if (!Objects.equals(server, local)) {
        disagreements.add(report(i, study, server, local));
      }
      if (study.defects().isEmpty() != server.equals(ACCEPTED)) {
        mislabelled.add(report(i, study, server, local));
      }
      accepted += server.equals(ACCEPTED) ? 1 : 0;
      study.defects().forEach(d -> triedKinds.merge(d.kind(), 1, Integer::sum));
    }

    assertThat(disagreements).as("manifests the two validators disagree on").isEmpty();
    assertThat(mislabelled)
        .as("valid manifests the API server refused, or defective ones it accepted")
        .isEmpty();
    assertThat(accepted).as("valid manifests among %d", TRIES).isGreaterThan(TRIES / 10);
    assertThat(triedKinds).as("defect families tried").hasSizeGreaterThanOrEqualTo(24);
    System.out.printf(
        "differential: %d manifests (seed %d), %d accepted by both, defects tried: %s%n",
        TRIES, SEED, accepted, triedKinds);
  }

  private String serverVerdict(StudyCase study) {
    GenericKubernetesResource resource =
        cluster
            .client()
            .getKubernetesSerialization()
            .convertValue(study.kubectlBody(), GenericKubernetesResource.class);
    try {
      cluster
          .client()
          .resource(resource)
          .inNamespace(namespace)
          .dryRun()
          .fieldValidation(FieldValidateable.Validation.STRICT)
          .create();
      return ACCEPTED;
    } catch (KubernetesClientException e) {
      assertThat(e.getCode()).as("%s", e.getMessage()).isIn(400, 422);
      return e.getStatus().getMessage();
    }
  }

  /** What {@code paddock run} says: null when it accepts the manifest. */
  private static InvalidManifestException localRefusal(StudyCase study) {
    try {
      Manifests.read(study.yaml(), "study.yaml");
      return null;
    } catch (InvalidManifestException e) {
      return e;
    }
  }

  private static String report(int index, StudyCase study, String server, String local) {
    return String.format(
        "#%d %s (written as %s)%n  server: %s%n  local:  %s%n%s",
        index, study.defects(), study.variants(), server, local, study.yaml().indent(4));
  }
}
