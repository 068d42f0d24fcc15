package dev.paddock.operator.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.operator.study.StudyPhase;
import dev.paddock.operator.study.StudyPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code paddock run} with examples/bring-your-own: a Python training script run unchanged with a
 * stdout (regex) or file (CSV) collector, and the same training written with Paddock's Python
 * client (clients/python, pushing its reports). Early stopping really ends the foreign process, and
 * a trainer killed with SIGKILL is retried and resumes from the checkpoint it saved itself.
 */
class BringYourOwnRunIT {

  private static final Path EXAMPLE = Path.of("..", "examples", "bring-your-own");
  private static final Path CLIENT =
      Path.of("..", "clients", "python").toAbsolutePath().normalize();
  private static final Pattern EPOCH_LINE = Pattern.compile("Epoch (\\d+)/12 - loss: ");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /**
   * The example's scripts and one of its manifests, copied; the client's study gets the client on
   * PYTHONPATH (the image has it there; a person runs {@code pip install ./clients/python}).
   */
  private Path example(String collector) throws IOException {
    for (String script : List.of("train.py", "train_client.py")) {
      Files.copy(EXAMPLE.resolve(script), dir.resolve(script));
    }
    Path copy = dir.resolve("study-" + collector + ".yaml");
    String yaml = Files.readString(EXAMPLE.resolve("study-" + collector + ".yaml"));
    if (collector.equals("client")) {
      yaml =
          yaml.replace(
              "command: [python3, train_client.py]",
              "command: [python3, train_client.py]\n"
                  + "            env: [{name: PYTHONPATH, value: \""
                  + CLIENT
                  + "\"}]");
    }
    Files.writeString(copy, yaml);
    return copy;
  }

  private List<Trial> trials() {
    return StudyFiles.trials(dir.resolve(".paddock"));
  }

  private Path trialDir(String study, Trial trial) {
    return AnyCommandRunIT.trialDir(dir, study, trial);
  }

  @ParameterizedTest
  @ValueSource(strings = {"stdout", "file", "client"})
  void theExampleRunsGradedWithItsArtifactsAndStoppedTrialsReallyEnd(String collector)
      throws Exception {
    String study = "byo-" + collector;
    Path manifest = example(collector);
    // Each trainer's process, by trial, seen while the study runs.
    Map<String, Set<ProcessHandle>> processes = new ConcurrentHashMap<>();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread watcher = new Thread(() -> watch(processes, running), "trainer-watcher");
    watcher.start();
    StudyPlan plan;
    try {
      plan = AnyCommandRunIT.run(manifest);
    } finally {
      running.set(false);
      watcher.join();
    }

    assertThat(plan.phase()).isEqualTo(StudyPhase.SUCCEEDED);
    List<Trial> trials = trials();
    assertThat(trials).hasSize(6);
    for (Trial t : trials) {
      Path out = trialDir(study, t);
      assertThat(t.getStatus().phase()).isIn(TrialPhase.Succeeded, TrialPhase.Pruned);
      assertThat(t.getStatus().grade()).as("graded: %s", t.getStatus()).isNotNull();
      assertThat(t.getStatus().code()).startsWith(collector.equals("client") ? "BYC-" : "BYO-");
      assertThat(t.getStatus().metrics()).containsKeys("val_acc", "val_loss");
      assertThat(t.getStatus().curve()).hasSize(t.getStatus().epoch());
      // Each epoch once, in order; a trainer stopped between printing an epoch and writing it
      // (stdout) has one epoch fewer in its CSV than collected.
      List<Integer> written = csvEpochs(out);
      assertThat(written)
          .isEqualTo(IntStream.rangeClosed(1, written.size()).boxed().toList())
          .hasSizeBetween(t.getStatus().epoch() - 1, t.getStatus().epoch());
      assertThat(out.resolve("checkpoints/checkpoint.json")).isRegularFile();
      if (t.getStatus().phase() == TrialPhase.Succeeded) {
        assertThat(t.getStatus().epoch()).isEqualTo(12);
        assertThat(csvEpochs(out)).hasSize(12);
        assertThat(out.resolve("best_model.json")).isRegularFile();
      }
    }
    List<Trial> pruned =
        trials.stream().filter(t -> t.getStatus().phase() == TrialPhase.Pruned).toList();
    assertThat(pruned).as("the median rule stops some trials").isNotEmpty();
    for (Trial t : pruned) {
      assertThat(t.getStatus().reason()).isEqualTo("Pruned");
      assertThat(t.getStatus().epoch()).isBetween(3, 11);
      assertThat(processes.get(t.getMetadata().getName()))
          .as("the trainer of %s was seen running", t.getMetadata().getName())
          .isNotEmpty()
          .allSatisfy(p -> assertThat(p.isAlive()).as("pid %d", p.pid()).isFalse());
      String log = Files.readString(trialDir(study, t).resolve("trainer.log"));
      assertThat(log).doesNotContain("Epoch 12/12 - loss");
      if (collector.equals("client")) {
        // Told to stop at its report, it ends on its own, its best model saved.
        assertThat(log).contains("stopped by Paddock after epoch");
        assertThat(trialDir(study, t).resolve("best_model.json")).isRegularFile();
      } else {
        // Terminated: it never reached its end.
        assertThat(trialDir(study, t).resolve("best_model.json")).doesNotExist();
      }
    }
    assertThat(processes.values().stream().flatMap(Set::stream))
        .allSatisfy(p -> assertThat(p.isAlive()).as("pid %d", p.pid()).isFalse());
    assertTheBestIsArchived(study, trials);
  }

  private void assertTheBestIsArchived(String study, List<Trial> trials) {
    Trial best =
        trials.stream()
            .filter(t -> t.getStatus().phase() == TrialPhase.Succeeded)
            .max(java.util.Comparator.comparingDouble(t -> t.getStatus().objective()))
            .orElseThrow();
    assertThat(best.getStatus().objective()).isGreaterThan(0.90);
    assertThat(best.getStatus().archived())
        .as(
            "archived, of %s",
            trials.stream()
                .map(
                    t ->
                        t.getMetadata().getName()
                            + " "
                            + t.getStatus().phase()
                            + " "
                            + t.getStatus().objective()
                            + " "
                            + t.getStatus().grade()
                            + " "
                            + t.getStatus().archived())
                .toList())
        .isNotNull();
    Path archive =
        dir.resolve(".paddock/archive/default").resolve(study).resolve(best.getStatus().code());
    assertThat(archive.resolve("epoch_metrics.csv")).isRegularFile();
    assertThat(archive.resolve("best_model.json")).isRegularFile();
    assertThat(archive.resolve("checkpoints")).doesNotExist();
  }

  /** Records this JVM's python3 children by the trial their environment names (PADDOCK_TRIAL). */
  private static void watch(Map<String, Set<ProcessHandle>> processes, AtomicBoolean running) {
    while (running.get()) {
      ProcessHandle.current()
          .descendants()
          .filter(p -> p.info().commandLine().orElse("").contains("python3"))
          .forEach(
              p ->
                  trialOf(p)
                      .ifPresent(
                          trial ->
                              processes
                                  .computeIfAbsent(trial, k -> ConcurrentHashMap.newKeySet())
                                  .add(p)));
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"stdout", "client"})
  void aTrainerKilledMidRunIsRetriedAndResumesFromItsOwnCheckpoint(String collector)
      throws Exception {
    String study = "byo-" + collector;
    Path manifest = example(collector);
    Files.writeString(
        manifest,
        Files.readString(manifest)
            .replace(
                "maxTrials: 6, parallelism: 2, maxFailedTrials: 2",
                "maxTrials: 1, parallelism: 1"));
    CompletableFuture<StudyPlan> running =
        CompletableFuture.supplyAsync(() -> AnyCommandRunIT.run(manifest));
    Path checkpoint =
        dir.resolve(".paddock/studies/default")
            .resolve(study)
            .resolve("trials")
            .resolve(study + "-0")
            .resolve("checkpoints/checkpoint.json");
    int savedEpoch = awaitCheckpoint(checkpoint, 3);

    ProcessHandle trainer =
        ProcessHandle.current()
            .descendants()
            .filter(p -> p.info().commandLine().orElse("").contains("python3"))
            .findFirst()
            .orElseThrow();
    Process kill = new ProcessBuilder("kill", "-9", Long.toString(trainer.pid())).start();
    assertThat(kill.waitFor()).isZero();

    StudyPlan plan = running.get(120, TimeUnit.SECONDS);
    assertThat(plan.phase()).isEqualTo(StudyPhase.SUCCEEDED);
    Trial trial = trials().get(0);
    assertThat(trial.getStatus().phase()).isEqualTo(TrialPhase.Succeeded);
    assertThat(trial.getStatus().attempts()).isEqualTo(2);
    assertThat(trial.getStatus().epoch()).isEqualTo(12);
    assertThat(trial.getStatus().curve()).hasSize(12);
    Path out = trialDir(study, trial);
    assertThat(csvEpochs(out)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    assertThat(out.resolve("best_model.json")).isRegularFile();

    // The second attempt started where the first one's checkpoint ended, not at epoch 1.
    String log = Files.readString(out.resolve("trainer.log"));
    Matcher resumed = Pattern.compile("resuming from \\S+: epoch (\\d+) of 12 done").matcher(log);
    assertThat(resumed.find()).as("the resumed attempt says so in %s", log).isTrue();
    int done = Integer.parseInt(resumed.group(1));
    assertThat(done).isGreaterThanOrEqualTo(savedEpoch);
    Matcher next = EPOCH_LINE.matcher(log.substring(resumed.end()));
    assertThat(next.find()).isTrue();
    assertThat(Integer.parseInt(next.group(1))).isEqualTo(done + 1).isGreaterThan(1);
  }

  /** Waits for the trainer's own checkpoint to hold at least {@code epoch}; returns its epoch. */
  private static int awaitCheckpoint(Path checkpoint, int epoch) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        JsonNode saved = JSON.readTree(checkpoint.toFile());
        if (saved.path("epoch").asInt() >= epoch) {
          return saved.path("epoch").asInt();
        }
      } catch (IOException e) {
        // Not written yet (it is replaced atomically once it is).
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no checkpoint of epoch " + epoch + " in " + checkpoint);
  }

  /** The epochs of the trial's epoch_metrics.csv, in order. */
  private static List<Integer> csvEpochs(Path out) throws IOException {
    List<Integer> epochs = new ArrayList<>();
    List<String> lines = Files.readAllLines(out.resolve("epoch_metrics.csv"));
    for (String line : lines.subList(1, lines.size())) {
      epochs.add(Integer.parseInt(line.split(",")[0]));
    }
    return epochs;
  }

  /** The trial name in a process's PADDOCK_TRIAL (Linux: /proc/PID/environ). */
  private static java.util.Optional<String> trialOf(ProcessHandle process) {
    try {
      String environ = Files.readString(Path.of("/proc", Long.toString(process.pid()), "environ"));
      for (String variable : environ.split("\0")) {
        if (variable.startsWith("PADDOCK_TRIAL=")) {
          return java.util.Optional.of(variable.substring(variable.indexOf('/') + 1));
        }
      }
    } catch (IOException | RuntimeException e) {
      // Gone already, or not readable.
    }
    return java.util.Optional.empty();
  }
}
