package dev.paddock.operator.k8s.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.ModelSource;
import dev.paddock.api.v1alpha1.PinnedModel;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.contract.store.DirectoryStore;
import dev.paddock.operator.archive.ArchiveCandidate;
import dev.paddock.operator.archive.ArchiveKeys;
import dev.paddock.operator.archive.Archiver;
import dev.paddock.operator.grading.Grade;
import dev.paddock.operator.rollout.Slot;
import dev.paddock.operator.rollout.Source;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sources against a real archive (a directory store written by the real Archiver). */
class ModelSourcesTest {

  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  @TempDir Path root;
  private DirectoryStore store;
  private ModelSources sources;
  private int trials;

  @BeforeEach
  void archive() {
    store = new DirectoryStore(root);
    sources = new ModelSources(store);
    archive("qs", "QS-A-1", Grade.A, 0.95);
    archive("qs", "QS-S-1", Grade.S, 0.97);
    archive("qs", "QS-B-1", Grade.B, 0.91);
    archive("other", "OT-A-1", Grade.A, 0.5);
  }

  private String archive(String study, String code, Grade grade, double objective) {
    String trial = study + "-" + trials++;
    store.put(
        ArchiveKeys.trial("ns", study, trial) + "model/model.params",
        code.getBytes(StandardCharsets.UTF_8));
    return new Archiver(store)
        .archive(
            "ns",
            study,
            new ArchiveCandidate(trial, trials, code, grade, objective, Map.of()),
            Map.of("code", code));
  }

  private static TrainingStudy study(String direction) throws IOException {
    return new KubernetesSerialization()
        .unmarshal(
            Files.readString(Path.of("..", "examples", "quickstart", "study.yaml"))
                .replace("direction: maximize", "direction: " + direction),
            TrainingStudy.class);
  }

  private Source fromStudy(TrainingStudy study, List<String> failed) {
    return sources.resolve("ns", new ModelSource("qs", null), study, null, failed, NOW);
  }

  @Test
  void aStudyOffersItsBestArchivedModelByItsDirection() throws IOException {
    Source best = fromStudy(study("maximize"), List.of());
    Source lowest = fromStudy(study("minimize"), List.of());

    assertThat(best.pinned()).isFalse();
    assertThat(best.best().code()).isEqualTo("QS-S-1");
    assertThat(best.best().grade()).isEqualTo(Grade.S);
    assertThat(best.best().objective()).isEqualTo(0.97);
    assertThat(best.best().uri()).isEqualTo(store.uri("archive/ns/qs/QS-S-1/"));
    assertThat(lowest.best().code()).isEqualTo("QS-B-1");
  }

  @Test
  void failedModelsAreNotOffered() throws IOException {
    assertThat(fromStudy(study("maximize"), List.of("QS-S-1")).best().code()).isEqualTo("QS-A-1");
    Source none = fromStudy(study("maximize"), List.of("QS-S-1", "QS-A-1", "QS-B-1"));
    assertThat(none.best()).isNull();
    assertThat(none.reason()).isEqualTo("NoArchivedModel");
    assertThat(none.message()).isEqualTo("every archived model of study qs was rolled back");
  }

  @Test
  void aMissingStudyOrArchiveIsNamed() throws IOException {
    Source missing = fromStudy(null, List.of());
    Source empty =
        sources.resolve(
            "ns", new ModelSource("fresh", null), study("maximize"), null, List.of(), NOW);

    assertThat(missing.reason()).isEqualTo("StudyNotFound");
    assertThat(missing.message()).isEqualTo("TrainingStudy qs not found in namespace ns");
    assertThat(empty.reason()).isEqualTo("NoArchivedModel");
    assertThat(empty.message()).isEqualTo("study fresh has no archived model yet");
  }

  @Test
  void aPinnedModelIsFoundByCodeOrUriInTheNamespacesArchives() {
    Source byCode = pinned(new PinnedModel(null, "OT-A-1"));
    Source byUri = pinned(new PinnedModel(store.uri("archive/ns/qs/QS-B-1/"), null));

    assertThat(byCode.pinned()).isTrue();
    assertThat(byCode.best().uri()).isEqualTo(store.uri("archive/ns/other/OT-A-1/"));
    assertThat(byCode.best().grade()).isEqualTo(Grade.A);
    assertThat(byUri.best().code()).isEqualTo("QS-B-1");
    assertThat(byUri.best().objective()).isEqualTo(0.91);
  }

  @Test
  void aPinnedModelOutsideTheArchiveIsServedAsGiven() {
    Source outside = pinned(new PinnedModel("s3://models/churn/v7/", null));
    Source unknownCode = pinned(new PinnedModel(null, "NOPE"));

    assertThat(outside.best().code()).isEqualTo("v7");
    assertThat(outside.best().grade()).isNull();
    assertThat(outside.best().objective()).isNaN();
    assertThat(unknownCode.best()).isNull();
    assertThat(unknownCode.reason()).isEqualTo("ModelNotFound");
  }

  @Test
  void theServedPinnedModelIsNotLookedUpAgain() {
    Slot served = new Slot("v7", null, null, Double.NaN, "s3://models/churn/v7/", NOW);

    Source source =
        sources.resolve(
            "ns",
            new ModelSource(null, new PinnedModel("s3://models/churn/v7/", null)),
            null,
            served,
            List.of(),
            NOW.plusSeconds(60));

    assertThat(source.best()).isSameAs(served);
  }

  private Source pinned(PinnedModel model) {
    return sources.resolve("ns", new ModelSource(null, model), null, null, List.of(), NOW);
  }
}
