package dev.paddock.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.operator.manifest.InvalidManifestException;
import dev.paddock.operator.manifest.Manifests;
import dev.paddock.operator.study.StudyDefinitions;
import dev.paddock.operator.study.StudyPhase;
import dev.paddock.testsupport.StudyEdit;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rerun into a store that holds the study refuses an edit of a fixed field with the API server's
 * words for the same edit (the live-edit corpus that {@code CrdValidationIT} applies to a real API
 * server) and leaves the store as it was; an operational edit goes through.
 */
class StudyEditsTest {

  private static final Path EDITS = Path.of("..", "crds", "src", "test", "resources", "edits");
  private static final Path QUICKSTART = Path.of("..", "examples", "quickstart", "study.yaml");
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private static final String SMALL_STUDY =
      """
      apiVersion: paddock.dev/v1alpha1
      kind: TrainingStudy
      metadata: {name: small}
      spec:
        objective: {metric: val_f1, direction: maximize}
        search:
          algorithm: random
          seed: 7
          parameters:
            - {name: lr, float: {min: 1.0e-3, max: 5.0e-2, log: true}}
        budget: {maxTrials: 2, parallelism: 1}
        trial:
          epochs: 1
          template:
            spec:
              containers:
                - {name: trainer, image: paddock/trainer:0.1.0, args: [train]}
      """;

  @TempDir Path dir;
  private LocalLayout layout;

  static List<StudyEdit> refusedEdits() {
    return StudyEdit.under(EDITS.resolve("refused"));
  }

  static List<StudyEdit> allowedEdits() {
    return StudyEdit.under(EDITS.resolve("allowed"));
  }

  /** The store after a first run of the quickstart study: its record and a trial's files. */
  @BeforeEach
  void recordTheQuickstartStudy() throws IOException {
    layout = new LocalLayout(dir.resolve("store"), "default", "quickstart");
    TrainingStudy recorded = Manifests.loadStudy(QUICKSTART);
    recorded.getMetadata().setNamespace("default");
    JsonFiles.write(layout.studyStatus(), recorded);
    Files.createDirectories(layout.trialDir("quickstart-0"));
    Files.writeString(layout.trialRecord("quickstart-0"), "{\"kind\":\"Trial\"}");
    Files.writeString(layout.trialDir("quickstart-0").resolve("epoch_metrics.csv"), "epoch\n1\n");
  }

  @Test
  void theCorpusIsRead() {
    assertThat(refusedEdits()).hasSizeGreaterThanOrEqualTo(14);
    assertThat(allowedEdits()).extracting(StudyEdit::name).contains("budget-parallelism");
  }

  @ParameterizedTest
  @MethodSource("refusedEdits")
  void aRerunThatEditsAFixedFieldIsRefusedWithTheServersWordsAndChangesNothing(StudyEdit edit) {
    LocalStudyRunner runner = runner(edited(edit));
    Map<Path, String> before = storeFiles();

    InvalidManifestException refusal =
        catchThrowableOfType(InvalidManifestException.class, runner::run);

    assertThat(refusal).as("%s is refused", edit).isNotNull();
    assertThat(refusal.getMessage().lines().findFirst())
        .hasValue(
            "TrainingStudy.paddock.dev \"quickstart\" is invalid: " + edit.expectations().get(0));
    assertThat(refusal.getMessage())
        .contains("already holds study default/quickstart")
        .contains("give it a new metadata.name or use a fresh --store");
    assertThat(storeFiles()).isEqualTo(before);
  }

  @ParameterizedTest
  @MethodSource("allowedEdits")
  void aRerunThatEditsAnOperationalFieldGoesOn(StudyEdit edit) {
    TrainingStudy edited = edited(edit);

    assertThatCode(() -> StudyEdits.check(layout, edited)).doesNotThrowAnyException();
  }

  @Test
  void aStudyRunThenRerunWithAnotherSeedIsRefusedAndWithMoreParallelismGoesOn() throws IOException {
    Path manifest = dir.resolve("run").resolve("study.yaml");
    Files.createDirectories(manifest.getParent());
    Files.writeString(manifest, SMALL_STUDY);
    Path trainer = fakeTrainer();
    assertThat(runner(Manifests.loadStudy(manifest), manifest, trainer).run().phase())
        .isEqualTo(StudyPhase.SUCCEEDED);
    Path store = manifest.getParent().resolve(".paddock");
    Map<Path, String> before = files(store);

    Files.writeString(manifest, SMALL_STUDY.replace("seed: 7", "seed: 8"));
    LocalStudyRunner reseeded = runner(Manifests.loadStudy(manifest), manifest, trainer);
    InvalidManifestException refusal =
        catchThrowableOfType(InvalidManifestException.class, reseeded::run);

    assertThat(refusal.getMessage().lines().findFirst())
        .hasValue(
            "TrainingStudy.paddock.dev \"small\" is invalid: spec.search.seed: Invalid value:"
                + " \"object\": spec.search.seed is immutable once the study exists: create a new"
                + " study");
    assertThat(files(store)).isEqualTo(before);

    Files.writeString(manifest, SMALL_STUDY.replace("parallelism: 1", "parallelism: 2"));
    LocalStudyRunner wider = runner(Manifests.loadStudy(manifest), manifest, trainer);
    assertThat(wider.run().phase()).isEqualTo(StudyPhase.SUCCEEDED);
    assertThat(StudyFiles.trials(store)).hasSize(2);
  }

  @Test
  void aFirstRunHasNothingToCompareWith() {
    LocalLayout empty = new LocalLayout(dir.resolve("fresh"), "default", "quickstart");

    assertThatCode(() -> StudyEdits.check(empty, edited(refusedEdits().get(0))))
        .doesNotThrowAnyException();
  }

  @Test
  void theSameManifestAgainGoesOn() {
    assertThatCode(() -> StudyEdits.check(layout, Manifests.loadStudy(QUICKSTART)))
        .doesNotThrowAnyException();
  }

  /**
   * The quickstart study with {@code edit} applied, read and validated as {@code paddock run} does.
   */
  @SuppressWarnings("unchecked")
  private static TrainingStudy edited(StudyEdit edit) {
    Map<String, Object> base = SERIALIZATION.unmarshal(read(QUICKSTART), Map.class);
    String yaml = SERIALIZATION.asYaml(edit.applyTo(base));
    return (TrainingStudy) Manifests.read(yaml, edit.name() + ".yaml");
  }

  private LocalStudyRunner runner(TrainingStudy study) {
    RunOptions options =
        new RunOptions(
            dir.resolve("study.yaml"),
            layout.root(),
            Path.of("/bin/true"),
            1,
            1,
            Clock.systemUTC(),
            null);
    return runner(study, options);
  }

  /** A runner with its store next to {@code manifest}, as {@code paddock run manifest} has. */
  private static LocalStudyRunner runner(TrainingStudy study, Path manifest, Path trainer) {
    return runner(study, new RunOptions(manifest, null, trainer, 2, 1, Clock.systemUTC(), null));
  }

  private static LocalStudyRunner runner(TrainingStudy study, RunOptions options) {
    return new LocalStudyRunner(
        study,
        StudyDefinitions.from(study.getMetadata().getName(), study.getSpec()),
        options,
        new QuietView());
  }

  /** A trainer that ends at once with a final metric in its termination message. */
  private Path fakeTrainer() throws IOException {
    Path trainer = dir.resolve("fake-trainer");
    Files.writeString(
        trainer,
        "#!/bin/sh\nprintf '{\"status\":\"completed\",\"epoch\":1,\"metrics\":{\"val_f1\":0.5}}'"
            + " > \"$PADDOCK_TERMINATION_LOG\"\n");
    trainer.toFile().setExecutable(true);
    return trainer;
  }

  private Map<Path, String> storeFiles() {
    return files(layout.root());
  }

  private static Map<Path, String> files(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      Map<Path, String> contents = new TreeMap<>();
      files.filter(Files::isRegularFile).forEach(f -> contents.put(f, read(f)));
      return contents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
