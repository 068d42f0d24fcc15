package dev.paddock.operator.k8s.study;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paddock.api.v1alpha1.StudyPhase;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.contract.store.S3Store;
import dev.paddock.operator.archive.ArchiveKeys;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import dev.paddock.testsupport.MinioExtension;
import dev.paddock.testsupport.MinioServer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A study on a real control plane archives its best trials into a real MinIO: contents and
 * checksums, index entries, the trials' archive URIs, and a MinIO outage while it archives.
 */
@ExtendWith({KubeClusterExtension.class, MinioExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudyArchiveIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ClusterStudyFixture fixture;

  @BeforeAll
  void start(KubeCluster cluster, MinioServer minio) {
    fixture = new ClusterStudyFixture(cluster, minio, "archive");
  }

  @AfterAll
  void stop() {
    fixture.minio.start();
    fixture.close();
  }

  @Test
  void theTopTrialsAreArchivedWithVerifiedContentsAnIndexEntryAndTheirUri() throws Exception {
    String namespace = fixture.cluster.createNamespace("archive");
    fixture.putTrainerFiles(namespace, 4);
    fixture.createStudy(
        namespace,
        "budget: {maxTrials: 4, parallelism: 2}",
        "  archive: {topPercent: 50, minGrade: C}\n",
        "");

    fixture.awaitPhase(namespace, StudyPhase.Succeeded);
    TrainingStudy study =
        fixture.awaitStudy(
            namespace,
            s ->
                s.getStatus().archive() != null
                    && Objects.equals(s.getStatus().archive().archived(), 2));

    // Every trial has val_f1 0.9 (grade C): the top half, ties to the lower index, is 0 and 1.
    Map<String, Trial> trials = trials(namespace);
    assertThat(trials.get("quickstart-2").getStatus().archived()).isNull();
    assertThat(trials.get("quickstart-3").getStatus().archived()).isNull();
    S3Store store = fixture.store();
    for (int index : new int[] {0, 1}) {
      Trial trial = trials.get("quickstart-" + index);
      String code = trial.getStatus().code();
      String prefix = ArchiveKeys.archived(namespace, "quickstart", code);
      assertThat(trial.getStatus().archived()).isEqualTo("s3://paddock/" + prefix);
      assertThat(store.list(prefix))
          .containsExactlyInAnyOrder(
              prefix + "checksums.sha256",
              prefix + "epoch_metrics.csv",
              prefix + "hyperparams.json",
              prefix + "metadata.json",
              prefix + "model/preprocessing.json",
              prefix + "model/weights.params");
      assertChecksumsMatch(store, prefix);
      var trainer = ClusterStudyFixture.trainerFiles(namespace, index);
      assertThat(store.get(prefix + "model/weights.params"))
          .hasValue(trainer.get("model/weights.params"));
      assertThat(store.get(prefix + "epoch_metrics.csv"))
          .hasValue(trainer.get("epoch_metrics.csv"));

      JsonNode metadata = JSON.readTree(store.get(prefix + "metadata.json").orElseThrow());
      assertThat(metadata.path("fingerprint").asText()).isEqualTo("fp-" + index);
      assertThat(metadata.path("hardware").path("mode").asText()).isEqualTo("cuda");
      assertThat(metadata.path("code").asText()).isEqualTo(code);
      assertThat(metadata.path("grade").asText()).isEqualTo("C");
      assertThat(metadata.path("objective").asDouble()).isEqualTo(0.9);
      assertThat(metadata.path("metrics").path("val_f1").path("latest").asDouble()).isEqualTo(0.9);
      assertThat(metadata.path("parameters").path("lr").asText())
          .isEqualTo(trial.getSpec().parameters().get("lr"));
      assertThat(metadata.path("gpuSeconds").asLong()).isEqualTo(trial.getStatus().gpuSeconds());
      assertThat(metadata.path("trialUid").asText()).isEqualTo(trial.getMetadata().getUid());
      assertThat(metadata.path("studyUid").asText()).isEqualTo(study.getMetadata().getUid());
      assertThat(metadata.path("versions").path("paddock").asText()).isNotEmpty();

      JsonNode entry =
          JSON.readTree(
              store.get(ArchiveKeys.indexEntry(namespace, "quickstart", code)).orElseThrow());
      assertThat(entry.path("trial").asText()).isEqualTo("quickstart-" + index);
      assertThat(entry.path("uri").asText()).isEqualTo(trial.getStatus().archived());
    }
    assertThat(store.list(ArchiveKeys.index(namespace, "quickstart"))).hasSize(2);
    assertThat(study.getStatus().archive().uris())
        .containsExactly(
            trials.get("quickstart-0").getStatus().archived(),
            trials.get("quickstart-1").getStatus().archived());
    assertThat(archiveCondition(study).getStatus()).isEqualTo("False");
    assertThat(fixture.studyEvents(namespace))
        .filteredOn(e -> "Archived".equals(e.getReason()))
        .hasSize(2);
    // What a person sees: the ARCHIVED column of `kubectl get trial`.
    List<String> table = kubectl("get", "trial", "-n", namespace).lines().toList();
    assertThat(table.get(0)).contains("ARCHIVED");
    assertThat(table)
        .filteredOn(l -> l.startsWith("quickstart-0 "))
        .singleElement()
        .satisfies(l -> assertThat(l).contains(trials.get("quickstart-0").getStatus().archived()));
  }

  private String kubectl(String... args) throws Exception {
    java.nio.file.Path kubeconfig = java.nio.file.Files.createTempFile("kubeconfig", ".yaml");
    try {
      java.nio.file.Files.writeString(kubeconfig, fixture.cluster.kubeconfig());
      List<String> command = new java.util.ArrayList<>();
      command.add(dev.paddock.testsupport.TestComponents.k8sBinary("kubectl").toString());
      command.add("--kubeconfig=" + kubeconfig);
      command.addAll(List.of(args));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).withFailMessage("%s failed:%n%s", command, out).isZero();
      return out;
    } finally {
      java.nio.file.Files.deleteIfExists(kubeconfig);
    }
  }

  @Test
  void aStoreOutageDegradesArchivingWhichCompletesWhenTheStoreReturns() throws Exception {
    String namespace = fixture.cluster.createNamespace("archive-outage");
    fixture.putTrainerFiles(namespace, 2);
    fixture.minio.stop();
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.store().list("studies/"))
          .isInstanceOf(dev.paddock.contract.store.StoreUnavailableException.class);
      fixture.createStudy(
          namespace,
          "budget: {maxTrials: 2, parallelism: 2}",
          "  archive: {topPercent: 100, minGrade: C}\n",
          "");

      TrainingStudy degraded =
          fixture.awaitStudy(
              namespace,
              s ->
                  s.getStatus() != null
                      && s.getStatus().phase() == StudyPhase.Succeeded
                      && archiveCondition(s) != null
                      && "True".equals(archiveCondition(s).getStatus()));
      Condition condition = archiveCondition(degraded);
      assertThat(condition.getReason()).isEqualTo("StoreUnavailable");
      assertThat(condition.getMessage()).contains("s3://paddock/");
      assertNoSecretIn(condition.getMessage());
      assertNoSecretIn(degraded.getStatus().archive().message());
      assertThat(degraded.getStatus().archive().archived()).isZero();
      assertThat(trials(namespace).values())
          .allSatisfy(t -> assertThat(t.getStatus().archived()).isNull());
    } finally {
      fixture.minio.start();
    }

    TrainingStudy recovered =
        fixture.awaitStudy(
            namespace,
            s ->
                archiveCondition(s) != null
                    && "False".equals(archiveCondition(s).getStatus())
                    && Objects.equals(s.getStatus().archive().archived(), 2));
    S3Store store = fixture.store();
    for (Trial trial : trials(namespace).values()) {
      String prefix = ArchiveKeys.archived(namespace, "quickstart", trial.getStatus().code());
      assertThat(trial.getStatus().archived()).isEqualTo("s3://paddock/" + prefix);
      assertChecksumsMatch(store, prefix);
    }
    assertThat(store.list(ArchiveKeys.index(namespace, "quickstart"))).hasSize(2);
    assertThat(recovered.getStatus().archive().message()).isNull();
    List<Event> events = fixture.studyEvents(namespace);
    assertThat(events).extracting(Event::getReason).contains("ArchiveDegraded", "ArchiveRecovered");
    assertThat(events).allSatisfy(e -> assertNoSecretIn(e.getNote()));
  }

  private void assertNoSecretIn(String text) {
    if (text != null) {
      assertThat(text)
          .doesNotContain(fixture.minio.secretKey())
          .doesNotContain(fixture.minio.accessKey());
    }
  }

  /** Every file the manifest lists reads back from MinIO with its checksum, and nothing else. */
  private static void assertChecksumsMatch(S3Store store, String prefix) throws Exception {
    String manifest =
        new String(store.get(prefix + "checksums.sha256").orElseThrow(), StandardCharsets.UTF_8);
    Map<String, String> sums =
        manifest.lines().map(l -> l.split("  ", 2)).collect(Collectors.toMap(p -> p[1], p -> p[0]));
    assertThat(sums.keySet())
        .containsExactlyInAnyOrderElementsOf(
            store.list(prefix).stream()
                .map(k -> k.substring(prefix.length()))
                .filter(k -> !k.equals("checksums.sha256"))
                .toList());
    for (var sum : sums.entrySet()) {
      byte[] content = store.get(prefix + sum.getKey()).orElseThrow();
      assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
          .as(sum.getKey())
          .isEqualTo(sum.getValue());
    }
  }

  private Map<String, Trial> trials(String namespace) {
    return fixture
        .cluster
        .client()
        .resources(Trial.class)
        .inNamespace(namespace)
        .list()
        .getItems()
        .stream()
        .collect(Collectors.toMap(t -> t.getMetadata().getName(), t -> t));
  }

  private static Condition archiveCondition(TrainingStudy study) {
    return study.getStatus() == null || study.getStatus().conditions() == null
        ? null
        : study.getStatus().conditions().stream()
            .filter(c -> "ArchiveDegraded".equals(c.getType()))
            .findFirst()
            .orElse(null);
  }
}
