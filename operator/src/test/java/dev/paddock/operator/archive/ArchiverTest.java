package dev.paddock.operator.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.contract.store.DirectoryStore;
import dev.paddock.operator.grading.Grade;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive on a directory store (the MinIO store is exercised by the operator's ITs). */
class ArchiverTest {

  @TempDir Path root;

  private DirectoryStore store() {
    DirectoryStore store = new DirectoryStore(root);
    String trial = ArchiveKeys.trial("ns", "s", "s-3");
    store.put(trial + "model/weights.params", new byte[] {1, 2, 3});
    store.put(trial + "model/preprocessing.json", bytes("{}"));
    store.put(trial + "metadata.json", bytes("{\"device\":\"cpu\"}"));
    store.put(trial + "hyperparams.json", bytes("{\"lr\":\"0.01\"}"));
    store.put(trial + "epoch_metrics.csv", bytes("epoch,val_f1\n1,0.5\n"));
    store.put(trial + "checkpoints/epoch-1.bin", new byte[] {9});
    return store;
  }

  private static final ArchiveCandidate TRIAL =
      new ArchiveCandidate("s-3", 3, "S-A-3", Grade.A, 0.91, Map.of("lr", "0.01"));

  @Test
  void copiesTheModelAndRecordsWithAVerifiedManifestAndAnIndexEntry() {
    DirectoryStore store = store();
    Archiver archiver = new Archiver(store);

    String uri = archiver.archive("ns", "s", TRIAL, Map.of("study", "s"));

    assertThat(uri).endsWith("/archive/ns/s/S-A-3/");
    assertThat(store.list("archive/ns/s/S-A-3/"))
        .containsExactly(
            "archive/ns/s/S-A-3/checksums.sha256",
            "archive/ns/s/S-A-3/epoch_metrics.csv",
            "archive/ns/s/S-A-3/hyperparams.json",
            "archive/ns/s/S-A-3/metadata.json",
            "archive/ns/s/S-A-3/model/preprocessing.json",
            "archive/ns/s/S-A-3/model/weights.params");
    assertThat(archiver.verify("ns", "s", "S-A-3")).isTrue();
    assertThat(ArchiveIndex.read(store, "ns", "s"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo("S-A-3");
              assertThat(e.grade()).isEqualTo(Grade.A);
              assertThat(e.uri()).isEqualTo(uri);
            });
  }

  @Test
  void theArchivedMetadataIsTheTrainersWithPaddocksFactsAdded() throws Exception {
    DirectoryStore store = store();

    new Archiver(store)
        .archive(
            "ns",
            "s",
            TRIAL,
            Map.of("grade", "A", "gpuSeconds", 812, "trialUid", "uid-3", "studyUid", "uid-s"));

    var metadata =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(store.get("archive/ns/s/S-A-3/metadata.json").orElseThrow());
    assertThat(metadata.path("device").asText()).isEqualTo("cpu");
    assertThat(metadata.path("grade").asText()).isEqualTo("A");
    assertThat(metadata.path("gpuSeconds").asLong()).isEqualTo(812);
    assertThat(metadata.path("trialUid").asText()).isEqualTo("uid-3");
    assertThat(metadata.path("studyUid").asText()).isEqualTo("uid-s");
    // The manifest covers the merged file, not the trainer's original.
    assertThat(new Archiver(store).verify("ns", "s", "S-A-3")).isTrue();
  }

  @Test
  void aTrialWhoseTrainerWroteNoMetadataGetsPaddocksFactsAlone() throws Exception {
    DirectoryStore store = store();
    store.deletePrefix(ArchiveKeys.trial("ns", "s", "s-3") + "metadata.json");

    new Archiver(store).archive("ns", "s", TRIAL, Map.of("code", "S-A-3"));

    var metadata =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(store.get("archive/ns/s/S-A-3/metadata.json").orElseThrow());
    assertThat(metadata.path("code").asText()).isEqualTo("S-A-3");
    assertThat(metadata.has("device")).isFalse();
  }

  @Test
  void aTamperedCopyFailsVerification() throws Exception {
    DirectoryStore store = store();
    Archiver archiver = new Archiver(store);
    archiver.archive("ns", "s", TRIAL, Map.of());

    Files.write(root.resolve("archive/ns/s/S-A-3/model/weights.params"), new byte[] {7});

    assertThat(archiver.verify("ns", "s", "S-A-3")).isFalse();
  }

  @Test
  void archivingTwiceIsANoOpAndAnInterruptedArchiveIsRedone() {
    DirectoryStore store = store();
    Archiver archiver = new Archiver(store);
    // A crash after copying but before the index entry: not archived yet.
    store.put("archive/ns/s/S-A-3/model/weights.params", new byte[] {0});
    assertThat(archiver.isArchived("ns", "s", "S-A-3")).isFalse();

    archiver.archive("ns", "s", TRIAL, Map.of());
    archiver.archive("ns", "s", TRIAL, Map.of());

    assertThat(archiver.verify("ns", "s", "S-A-3")).isTrue();
    assertThat(ArchiveIndex.read(store, "ns", "s")).hasSize(1);
  }

  @Test
  void aTrialWithoutAModelIsNotArchived() {
    DirectoryStore store = new DirectoryStore(root);
    store.put(ArchiveKeys.trial("ns", "s", "s-3") + "metadata.json", bytes("{}"));

    assertThatThrownBy(() -> new Archiver(store).archive("ns", "s", TRIAL, Map.of()))
        .hasMessageContaining("has no model");
    assertThat(ArchiveIndex.read(store, "ns", "s")).isEmpty();
  }

  @Test
  void anyTrainersWholeOutputIsArchivedButNotItsCheckpointsOrTheRunnersRecords() {
    DirectoryStore store = store();
    String trial = ArchiveKeys.trial("ns", "s", "s-3");
    store.put(trial + "best_model.pt", new byte[] {4, 2});
    store.put(trial + "plots/loss.png", new byte[] {1});
    store.put(trial + "trial.json", bytes("{}"));
    store.put(trial + "trainer.log", bytes("epoch=1 loss=0.5"));

    new Archiver(store, true).archive("ns", "s", TRIAL, Map.of("grade", "A"));

    assertThat(store.list("archive/ns/s/S-A-3/"))
        .contains(
            "archive/ns/s/S-A-3/best_model.pt",
            "archive/ns/s/S-A-3/plots/loss.png",
            "archive/ns/s/S-A-3/epoch_metrics.csv")
        .noneMatch(
            k -> k.contains("checkpoints/") || k.endsWith("trial.json") || k.endsWith(".log"));
  }

  @Test
  void anyTrainerThatWroteNothingIsNotArchived() {
    DirectoryStore store = new DirectoryStore(root);
    store.put(ArchiveKeys.trial("ns", "s", "s-3") + "trainer.log", bytes("hello"));

    assertThatThrownBy(() -> new Archiver(store, true).archive("ns", "s", TRIAL, Map.of()))
        .hasMessageContaining("wrote nothing in its output directory");
  }

  @Test
  void keysCannotEscapeTheStore() {
    assertThatThrownBy(() -> new DirectoryStore(root).put("../outside", new byte[0]))
        .hasMessageContaining("escapes the store");
  }

  @Test
  void aChecksumManifestListsEveryFile() {
    DirectoryStore store = store();
    new Archiver(store).archive("ns", "s", TRIAL, Map.of());

    String manifest =
        new String(
            store.get("archive/ns/s/S-A-3/checksums.sha256").orElseThrow(), StandardCharsets.UTF_8);

    assertThat(manifest.lines().map(l -> l.split("  ")[1]).toList())
        .isEqualTo(
            List.of(
                "epoch_metrics.csv",
                "hyperparams.json",
                "metadata.json",
                "model/preprocessing.json",
                "model/weights.params"));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
