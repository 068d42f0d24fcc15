package dev.paddock.operator.local;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paddock run} with the real DJL trainer as child processes. */
class LocalRunIT {

  private static final Path TRAINER = Path.of("..", "trainer-image", "bin", "paddock-trainer");

  @TempDir Path dir;

  private Path manifest(String yaml) throws IOException {
    Path manifest = dir.resolve("study.yaml");
    Files.writeString(manifest, yaml);
    return manifest;
  }

  private static String tiny() throws IOException {
    return Files.readString(Path.of("src", "test", "resources", "local", "tiny-study.yaml"));
  }

  private static StudyPlan run(Path manifest, ProgressView view) {
    LocalStudyRunner runner = runner(manifest, view);
    return runner.run();
  }

  private static LocalStudyRunner runner(Path manifest, ProgressView view) {
    TrainingStudy study = StudyFiles.load(manifest);
    RunOptions options =
        new RunOptions(manifest, null, TRAINER.toAbsolutePath(), 2, 1, Clock.systemUTC(), null);
    return new LocalStudyRunner(
        study, StudyDefinitions.from("tiny", study.getSpec()), options, view);
  }

  private List<Trial> trials() {
    return StudyFiles.trials(dir.resolve(".paddock"));
  }

  @Test
  void aStudyRunsToTheEndAndASecondRunRerunsNothing() throws IOException {
    Path manifest = manifest(tiny());

    StudyPlan plan = run(manifest, new QuietView());

    assertThat(plan.phase()).isEqualTo(StudyPhase.SUCCEEDED);
    assertThat(trials())
        .hasSize(3)
        .allSatisfy(
            t -> {
              assertThat(t.getStatus().phase()).isEqualTo(TrialPhase.Succeeded);
              assertThat(t.getStatus().epoch()).isEqualTo(4);
              assertThat(t.getStatus().curve()).hasSize(4);
              assertThat(t.getStatus().code()).startsWith("T-").contains("-N");
              assertThat(t.getStatus().metrics()).containsKeys("val_f1", "val_loss");
              Path artifacts =
                  dir.resolve(".paddock/studies/default/tiny/trials")
                      .resolve(t.getMetadata().getName());
              assertThat(artifacts.resolve("model")).isDirectory();
              assertThat(artifacts.resolve("epoch_metrics.csv")).isRegularFile();
            });
    assertArchiveSlotsAndReport();
    List<String> logsBefore = trainerLogs();
    var statusBefore = studyStatus();

    StudyPlan again = run(manifest, new QuietView());

    assertThat(again.phase()).isEqualTo(StudyPhase.SUCCEEDED);
    assertThat(trainerLogs()).isEqualTo(logsBefore);
    assertThat(studyStatus().startTime()).isEqualTo(statusBefore.startTime());
    assertThat(studyStatus().completionTime()).isEqualTo(statusBefore.completionTime());
    assertThat(trials()).allSatisfy(t -> assertThat(t.getStatus().attempts()).isEqualTo(1));
  }

  @Test
  void raisingMaxTrialsResumesAFinishedStudyWithNewTrialsOnly() throws IOException {
    run(manifest(tiny()), new QuietView());

    StudyPlan plan = run(manifest(tiny().replace("maxTrials: 3", "maxTrials: 4")), new QuietView());

    assertThat(plan.phase()).isEqualTo(StudyPhase.SUCCEEDED);
    assertThat(trials()).extracting(t -> t.getSpec().index()).containsExactly(0, 1, 2, 3);
    assertThat(trials()).allSatisfy(t -> assertThat(t.getStatus().attempts()).isEqualTo(1));
  }

  @Test
  void anInterruptedRunResumesItsTrialsFromTheirCheckpoints() throws Exception {
    Path manifest =
        manifest(tiny().replace("epochs: 4", "epochs: 30").replace("maxTrials: 3", "maxTrials: 2"));
    LocalStudyRunner first = runner(manifest, new QuietView());
    CompletableFuture<StudyPlan> running = CompletableFuture.supplyAsync(first::run);
    awaitEpoch(3);

    first.interrupt();

    assertThat(running.get(60, TimeUnit.SECONDS)).isNull();
    assertThat(trials())
        .allSatisfy(t -> assertThat(t.getStatus().phase()).isEqualTo(TrialPhase.Preempted));
    StudyPlan resumed = run(manifest, new QuietView());
    assertThat(resumed.phase()).isEqualTo(StudyPhase.SUCCEEDED);
    assertThat(trials())
        .allSatisfy(
            t -> {
              assertThat(t.getStatus().phase()).isEqualTo(TrialPhase.Succeeded);
              assertThat(t.getStatus().attempts()).isEqualTo(2);
              assertThat(t.getStatus().epoch()).isEqualTo(30);
            });
    assertThat(
            Files.readString(
                dir.resolve(".paddock/studies/default/tiny/trials/tiny-0/trainer.log")))
        .containsIgnoringCase("resum");
  }

  private void assertArchiveSlotsAndReport() throws IOException {
    Trial best =
        trials().stream()
            .max(java.util.Comparator.comparingDouble(t -> t.getStatus().objective()))
            .orElseThrow();
    Path archive = dir.resolve(".paddock/archive/default/tiny").resolve(best.getStatus().code());
    assertThat(best.getStatus().archived()).isEqualTo(archive.toUri().toString());
    assertThat(archive.resolve("model")).isDirectory();
    assertThat(archive.resolve("checksums.sha256")).isRegularFile();
    assertThat(trials().stream().filter(t -> t.getStatus().archived() != null)).hasSize(1);
    String slots = Files.readString(dir.resolve(".paddock/deployments/tiny-serving/slots.json"));
    assertThat(slots)
        .contains("\"code\" : \"" + best.getStatus().code() + "\"")
        .contains("Promoted");
    Path report = dir.resolve(".paddock/reports/default/tiny");
    assertThat(Files.readString(report.resolve("report.md")))
        .contains(best.getStatus().code())
        .contains("## Parameter importance");
    assertThat(report.resolve("report.html")).isRegularFile();
  }

  @Test
  void retentionRetiresTheWorstTrialsButNotTheArchivedOneAndNothingIsRerun() throws IOException {
    Path manifest = manifest(tiny() + "  retention: {keepTrials: 1}\n");

    run(manifest, new QuietView());

    List<Trial> kept = trials();
    assertThat(kept)
        .singleElement()
        .satisfies(t -> assertThat(t.getStatus().archived()).isNotNull());
    assertThat(dir.resolve(".paddock/studies/default/tiny/history"))
        .isDirectoryContaining("glob:**/tiny-*.json");
    assertThat(Files.list(dir.resolve(".paddock/studies/default/tiny/trials")).count())
        .isEqualTo(1);
    StudyPlan again = run(manifest, new QuietView());
    assertThat(again.counts().created()).isEqualTo(3);
    assertThat(trials()).hasSize(1);
  }

  @Test
  void aStudyLearnsFromTheLocalStudiesInItsHistory() throws IOException {
    run(manifest(tiny()), new QuietView());
    Path learner = dir.resolve("learner.yaml");
    Files.writeString(
        learner,
        tiny()
            .replace("name: tiny", "name: learner")
            .replace(
                "algorithm: random",
                "algorithm: tpe\n    tpe: {startupTrials: 2}\n    historyFrom: [tiny]")
            .replace("maxTrials: 3", "maxTrials: 1")
            .replace("parallelism: 2", "parallelism: 1"));
    TrainingStudy study = StudyFiles.load(learner);
    RunOptions options =
        new RunOptions(
            learner,
            dir.resolve(".paddock"),
            TRAINER.toAbsolutePath(),
            1,
            1,
            Clock.systemUTC(),
            null);

    new LocalStudyRunner(
            study, StudyDefinitions.from("learner", study.getSpec()), options, new QuietView())
        .run();

    // Same seed and index: without the history it would repeat tiny-0's random draw.
    var byName =
        trials().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    t -> t.getMetadata().getName(), t -> t.getSpec().parameters()));
    assertThat(byName).containsKeys("tiny-0", "learner-0");
    assertThat(byName.get("learner-0")).isNotEqualTo(byName.get("tiny-0"));
  }

  @Test
  void aRetentionDryRunDeletesNothing() throws IOException {
    run(manifest(tiny() + "  retention: {keepTrials: 1, dryRun: true}\n"), new QuietView());

    assertThat(trials()).hasSize(3);
  }

  @Test
  void aTrainerKilledMidEpochLeavesAFailedTrialAndTheStudyGoesOn() throws Exception {
    Path manifest =
        manifest(
            tiny().replace("epochs: 4", "epochs: 20").replace("maxRetries: 1", "maxRetries: 0"));
    CompletableFuture<StudyPlan> running =
        CompletableFuture.supplyAsync(() -> run(manifest, new QuietView()));
    awaitEpoch(2);

    ProcessHandle trainer =
        ProcessHandle.current()
            .descendants()
            .filter(p -> p.info().commandLine().orElse("").contains("PaddockTrainer"))
            .findFirst()
            .orElseThrow();
    trainer.destroyForcibly();

    StudyPlan plan = running.get(180, TimeUnit.SECONDS);
    assertThat(plan.counts().failed()).isEqualTo(1);
    assertThat(plan.counts().succeeded()).isEqualTo(2);
    Trial failed =
        trials().stream()
            .filter(t -> t.getStatus().phase() == TrialPhase.Failed)
            .findFirst()
            .orElseThrow();
    assertThat(failed.getStatus().message())
        .contains("exited with code 137")
        .contains("trainer.log");
  }

  @Test
  void anInterruptedAndResumedStudyEndsAsAnUninterruptedOne() throws Exception {
    String yaml = tiny().replace("epochs: 4", "epochs: 12").replace("maxTrials: 3", "maxTrials: 2");
    Path uninterrupted = dir.resolve("straight");
    Files.createDirectories(uninterrupted);
    Files.writeString(uninterrupted.resolve("study.yaml"), yaml);
    run(uninterrupted.resolve("study.yaml"), new QuietView());
    List<Double> expected =
        StudyFiles.trials(uninterrupted.resolve(".paddock")).stream()
            .map(t -> t.getStatus().objective())
            .toList();
    Path manifest = manifest(yaml);
    LocalStudyRunner first = runner(manifest, new QuietView());
    CompletableFuture<StudyPlan> running = CompletableFuture.supplyAsync(first::run);
    awaitEpoch(4);

    first.interrupt();
    running.get(60, TimeUnit.SECONDS);
    run(manifest, new QuietView());

    assertThat(trials()).extracting(t -> t.getStatus().objective()).isEqualTo(expected);
    assertThat(trials()).allSatisfy(t -> assertThat(t.getStatus().attempts()).isEqualTo(2));
  }

  private void awaitEpoch(int epoch) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      List<Trial> trials = trials();
      if (trials.size() == 2
          && trials.stream()
              .allMatch(
                  t ->
                      t.getStatus() != null
                          && t.getStatus().epoch() != null
                          && t.getStatus().epoch() >= epoch)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("trials never reached epoch " + epoch + ": " + trials());
  }

  private dev.paddock.api.v1alpha1.TrainingStudyStatus studyStatus() {
    return JsonFiles.read(
            dir.resolve(".paddock/studies/default/tiny/study.json"), TrainingStudy.class)
        .getStatus();
  }

  private List<String> trainerLogs() throws IOException {
    List<String> logs = new java.util.ArrayList<>();
    for (Trial t : trials()) {
      logs.add(
          Files.readString(
              dir.resolve(".paddock/studies/default/tiny/trials")
                  .resolve(t.getMetadata().getName())
                  .resolve("trainer.log")));
    }
    return logs;
  }
}
