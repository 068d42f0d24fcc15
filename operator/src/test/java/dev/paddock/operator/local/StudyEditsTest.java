package dev.paddock.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.operator.manifest.InvalidManifestException;
import dev.paddock.operator.manifest.Manifests;
import dev.paddock.operator.study.StudyDefinitions;
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
    return new LocalStudyRunner(
        study,
        StudyDefinitions.from(study.getMetadata().getName(), study.getSpec()),
        options,
        new QuietView());
  }

  private Map<Path, String> storeFiles() {
    try (Stream<Path> files = Files.walk(layout.root())) {
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
