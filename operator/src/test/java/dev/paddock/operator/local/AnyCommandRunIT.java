package dev.paddock.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.operator.study.StudyDefinitions;
import dev.paddock.operator.study.StudyPhase;
import dev.paddock.operator.study.StudyPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code paddock run} with a training script that knows nothing of Paddock (examples/any-script,
 * run unchanged by python3): parameters through $(PADDOCK_PARAM_*), metrics collected from its
 * output or from the CSV it writes, weak trials stopped by SIGTERM, the best archived and reported.
 */
class AnyCommandRunIT {

  private static final Path EXAMPLE = Path.of("..", "examples", "any-script");
  private static final Path TRAINER = Path.of("..", "trainer-image", "bin", "paddock-trainer");

  @TempDir Path dir;

  private Path example(String manifest) throws IOException {
    Files.copy(EXAMPLE.resolve("train.py"), dir.resolve("train.py"));
    Path copy = dir.resolve(manifest);
    Files.copy(EXAMPLE.resolve(manifest), copy);
    return copy;
  }

  private static StudyPlan run(Path manifest) {
    TrainingStudy study = StudyFiles.load(manifest);
    RunOptions options =
        new RunOptions(manifest, null, TRAINER.toAbsolutePath(), 2, 1, Clock.systemUTC(), null);
    String name = study.getMetadata().getName();
    return new LocalStudyRunner(
            study, StudyDefinitions.from(name, study.getSpec()), options, new QuietView())
        .run();
  }

  private List<Trial> trials() {
    return StudyFiles.trials(dir.resolve(".paddock"));
  }

  private Path trialDir(String study, Trial trial) {
    return dir.resolve(".paddock/studies/default")
        .resolve(study)
        .resolve("trials")
        .resolve(trial.getMetadata().getName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"stdout", "file"})
  void anUnchangedScriptIsATrialWithEitherCollector(String collector) throws IOException {
    String study = "any-script-" + collector;
    StudyPlan plan = run(example("study-" + collector + ".yaml"));

    assertThat(plan.phase()).isEqualTo(StudyPhase.SUCCEEDED);
    List<Trial> trials = trials();
    assertThat(trials).hasSize(6);
    for (Trial t : trials) {
      assertParametersReachedTheScript(study, t);
      assertThat(t.getStatus().phase()).isIn(TrialPhase.Succeeded, TrialPhase.Pruned);
      assertThat(t.getStatus().metrics()).containsKeys("val_acc", "val_loss");
      if (t.getStatus().phase() == TrialPhase.Succeeded) {
        assertThat(t.getStatus().epoch()).isEqualTo(10);
        assertThat(t.getStatus().curve()).hasSize(10);
        assertThat(trialDir(study, t).resolve("model.json")).isRegularFile();
      }
    }
    assertSomeWereStoppedEarly(study, trials);
    assertTheBestIsGradedArchivedAndReported(study, trials);
  }

  /** The script prints the flags it parsed: they are the trial's parameters. */
  private void assertParametersReachedTheScript(String study, Trial t) throws IOException {
    String log = Files.readString(trialDir(study, t).resolve("trainer.log"));
    Matcher flags = Pattern.compile("lr=(\\S+) batch_size=(\\d+)").matcher(log);
    assertThat(flags.find()).as("the script's first line in %s", log).isTrue();
    assertThat(Double.parseDouble(flags.group(1)))
        .isCloseTo(Double.parseDouble(t.getSpec().parameters().get("lr")), within(1e-12));
    assertThat(flags.group(2)).isEqualTo(t.getSpec().parameters().get("batch_size"));
  }

  private void assertSomeWereStoppedEarly(String study, List<Trial> trials) throws IOException {
    List<Trial> pruned =
        trials.stream().filter(t -> t.getStatus().phase() == TrialPhase.Pruned).toList();
    assertThat(pruned).isNotEmpty();
    for (Trial t : pruned) {
      assertThat(t.getStatus().reason()).isEqualTo("Pruned");
      assertThat(t.getStatus().epoch()).isBetween(3, 9);
      // Terminated: it never reached its end.
      assertThat(trialDir(study, t).resolve("model.json")).doesNotExist();
      assertThat(Files.readString(trialDir(study, t).resolve("trainer.log")))
          .doesNotContain("epoch=10 ");
    }
  }

  private void assertTheBestIsGradedArchivedAndReported(String study, List<Trial> trials)
      throws IOException {
    Trial best =
        trials.stream()
            .filter(t -> t.getStatus().phase() == TrialPhase.Succeeded)
            .max(Comparator.comparingDouble(t -> t.getStatus().objective()))
            .orElseThrow();
    assertThat(best.getStatus().objective()).isGreaterThan(0.85);
    assertThat(best.getStatus().code()).startsWith("AS-");
    assertThat(best.getStatus().archived()).isNotNull();
    Path archive =
        dir.resolve(".paddock/archive/default").resolve(study).resolve(best.getStatus().code());
    assertThat(archive.resolve("epoch_metrics.csv")).isRegularFile();
    assertThat(archive.resolve("model.json")).isRegularFile();
    assertThat(
            Files.readString(
                dir.resolve(".paddock/reports/default").resolve(study).resolve("report.md")))
        .contains(best.getStatus().code());
  }

  @Test
  void aScriptThatPrintsNoMetricFailsSayingSo() throws IOException {
    Path manifest = example("study-stdout.yaml");
    String yaml =
        Files.readString(manifest)
            .replace(
                "maxTrials: 6, parallelism: 2, maxFailedTrials: 2", "maxTrials: 1, parallelism: 1")
            .replace("command: [python3, train.py]", "command: [python3, -c, \"print('hello')\"]");
    Files.writeString(manifest, yaml);

    run(manifest);

    Trial trial = trials().get(0);
    assertThat(trial.getStatus().phase()).isEqualTo(TrialPhase.Failed);
    assertThat(trial.getStatus().message())
        .contains("exited with code 0")
        .contains("read no epoch")
        .contains("stdout (keyValue, epoch key epoch)");
  }

  @Test
  void aCommandThatDoesNotExistHereFailsToStartWithAClearError() throws IOException {
    Path manifest = example("study-stdout.yaml");
    Files.writeString(
        manifest,
        Files.readString(manifest)
            .replace(
                "maxTrials: 6, parallelism: 2, maxFailedTrials: 2", "maxTrials: 1, parallelism: 1")
            .replace("command: [python3, train.py]", "command: [no-such-python, train.py]"));

    run(manifest);

    Trial trial = trials().get(0);
    assertThat(trial.getStatus().phase()).isEqualTo(TrialPhase.Failed);
    assertThat(trial.getStatus().reason()).isEqualTo("StartFailed");
    assertThat(trial.getStatus().message())
        .contains("no-such-python")
        .contains("not found on this machine");
  }
}
