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

  /** Runs the study of {@code manifest} to its end, two trials at a time. */
  static StudyPlan run(Path manifest) {
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
    return trialDir(dir, study, trial);
  }

  /**
   * A trial's directory (its output directory) in the store next to the manifest in {@code dir}.
   */
  static Path trialDir(Path dir, String study, Trial trial) {
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

  /** The study of {@code collector} with one trial, which runs {@code script} (own.py) instead. */
  private Path oneTrialRunning(String collector, String script) throws IOException {
    Path manifest = example("study-" + collector + ".yaml");
    Files.writeString(dir.resolve("own.py"), script);
    Files.writeString(
        manifest,
        Files.readString(manifest)
            .replace(
                "maxTrials: 6, parallelism: 2, maxFailedTrials: 2", "maxTrials: 1, parallelism: 1")
            .replace("command: [python3, train.py]", "command: [python3, own.py]"));
    return manifest;
  }

  private static String describe(String collector) {
    return collector.equals("stdout")
        ? "stdout (keyValue, epoch key epoch)"
        : "file epoch_metrics.csv (csv, epoch key epoch)";
  }

  @ParameterizedTest
  @ValueSource(strings = {"stdout", "file"})
  void aScriptThatPrintsNoMetricFailsSayingSo(String collector) throws IOException {
    run(oneTrialRunning(collector, "print('hello')\n"));

    Trial trial = trials().get(0);
    assertThat(trial.getStatus().phase()).isEqualTo(TrialPhase.Failed);
    assertThat(trial.getStatus().message())
        .contains("exited with code 0")
        .contains("read no epoch")
        .contains(describe(collector));
  }

  /**
   * Two epochs, then a crash; its retry crashes before its first epoch. What the first attempt gave
   * is the trial's, and the message says why it ended.
   */
  private static final String CRASHES =
      """
      import os, sys
      out = sys.argv[sys.argv.index("--out-dir") + 1]
      if os.path.exists(os.path.join(out, "attempted")):
          raise FileNotFoundError("/data/train.csv")
      open(os.path.join(out, "attempted"), "w").close()
      rows = ["epoch,loss,val_loss,val_acc"]
      for epoch in (1, 2):
          print(f"epoch={epoch} loss={1 / epoch} val_loss={1 / epoch} val_acc={0.5 + epoch / 10}")
          rows.append(f"{epoch},{1 / epoch},{1 / epoch},{0.5 + epoch / 10}")
          with open(os.path.join(out, "epoch_metrics.csv"), "w") as f:
              f.write("\\n".join(rows) + "\\n")
      raise RuntimeError("the GPU fell off the bus")
      """;

  @ParameterizedTest
  @ValueSource(strings = {"stdout", "file"})
  void aScriptThatCrashesFailsSayingWhyAndKeepsWhatWasCollected(String collector)
      throws IOException {
    run(oneTrialRunning(collector, CRASHES));

    Trial trial = trials().get(0);
    assertThat(trial.getStatus().phase()).isEqualTo(TrialPhase.Failed);
    assertThat(trial.getStatus().reason()).isEqualTo("Failed");
    assertThat(trial.getStatus().attempts()).isEqualTo(2);
    assertThat(trial.getStatus().message())
        .contains("exited with code 1")
        .contains("FileNotFoundError: /data/train.csv")
        .contains("trainer.log");
    assertThat(trial.getStatus().epoch()).isEqualTo(2);
    assertThat(trial.getStatus().curve()).hasSize(2);
    assertThat(trial.getStatus().metrics()).containsKeys("val_acc", "val_loss");
    assertThat(trial.getStatus().objective()).isCloseTo(0.7, within(1e-9));
    assertThat(Files.readString(trialDir("any-script-" + collector, trial).resolve("trainer.log")))
        .contains("RuntimeError: the GPU fell off the bus");
  }

  /** Bytes that are no metric: control characters, invalid UTF-8, a huge line, malformed pairs. */
  private static final String PRINTS_GARBAGE =
      """
      import os, sys
      out = sys.argv[sys.argv.index("--out-dir") + 1]
      junk = bytes(range(256)) * 4
      garbage = (b"\\x1b[31mloss: ???\\x1b[0m\\n" + junk + b"\\n" + b"x" * 200000
                 + b"\\r\\nepoch=two loss=abc\\nepoch= val_acc=\\n\\xff\\xfe\\x00 {\\"epoch\\": \\"one\\"}\\n")
      sys.stdout.buffer.write(garbage)
      sys.stdout.flush()
      with open(os.path.join(out, "epoch_metrics.csv"), "wb") as f:
          f.write(b"epoch,val_acc\\n" + junk + b'\\n"unbalanced,quote\\n' + garbage)
      """;

  @ParameterizedTest
  @ValueSource(strings = {"stdout", "file"})
  void aScriptThatPrintsGarbageFailsSayingNoEpochWasRead(String collector) throws IOException {
    run(oneTrialRunning(collector, PRINTS_GARBAGE));

    Trial trial = trials().get(0);
    assertThat(trial.getStatus().phase()).isEqualTo(TrialPhase.Failed);
    assertThat(trial.getStatus().message())
        .contains("exited with code 0")
        .contains("read no epoch")
        .contains(describe(collector));
    assertThat(trial.getStatus().curve()).isNullOrEmpty();
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
