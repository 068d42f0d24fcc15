package dev.paddock.operator.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.StudyArchiveStatus;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.TrainingStudyStatus;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.operator.study.StudyPhase;
import dev.paddock.operator.study.StudyPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local runner's loop, with a fake trainer that finishes at once (no DJL, no timing). */
class LocalStudyRunnerTest {

  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private static final String ARCHIVE_DEPLOY =
      "  archive: {topPercent: 33}\n  deploy: {modelDeployment: tiny-serving}\n";

  @TempDir Path dir;

  @Test
  void aRerunWithNothingToDoKeepsTheStudysStartAndEndTimes() throws IOException {
    Path manifest =
        FakeTrainer.manifest(
            dir,
            "maxTrials: 3, parallelism: 2",
            "maxTrials: 1, parallelism: 1",
            ARCHIVE_DEPLOY,
            "");
    SettableClock clock = new SettableClock(T0);
    RecordingView first =
        new RecordingView(
            e -> {
              if (e.type().equals("trial-started")) {
                clock.advance(Duration.ofSeconds(17));
              }
            });
    FakeTrainer.runner(manifest, 2, clock, first).run();
    TrainingStudyStatus before = status();
    clock.set(T0.plus(Duration.ofHours(1)));

    RecordingView again = new RecordingView();
    StudyPlan plan = FakeTrainer.runner(manifest, 2, clock, again).run();

    assertThat(plan.phase()).isEqualTo(StudyPhase.SUCCEEDED);
    assertThat(again.ofType("trial-started")).isEmpty();
    assertThat(before.startTime()).isEqualTo(T0.toString());
    assertThat(before.completionTime()).isEqualTo(T0.plusSeconds(17).toString());
    assertThat(status().startTime()).isEqualTo(before.startTime());
    assertThat(status().completionTime()).isEqualTo(before.completionTime());
    assertThat(again.finished.elapsed()).isEqualTo(Duration.ofSeconds(17));
    assertThat(report()).contains("| **Duration** | 17s");
  }

  @Test
  void aTrialWithNoModelIsReportedAndSkippedByTheArchiveAndTheRunStillEndsWithItsReport()
      throws IOException {
    Path manifest = FakeTrainer.manifest(dir, "topPercent: 33", "topPercent: 100");
    RecordingView view = new RecordingView();

    StudyPlan plan = FakeTrainer.runner(manifest, 2, Clock.systemUTC(), view).run();

    assertThat(plan.phase()).isEqualTo(StudyPhase.SUCCEEDED);
    assertThat(view.ofType("archive-skipped"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.fields().get("message").toString())
                    .contains("trial tiny-0 has no model", "tiny-1", "tiny-2"));
    StudyArchiveStatus archive = status().archive();
    assertThat(archive.archived()).isZero();
    assertThat(archive.message()).contains("trial tiny-0 has no model under file:");
    assertThat(view.ofType("report-written")).hasSize(1);
    assertThat(report())
        .contains("| **Phase** | SUCCEEDED")
        .contains("| **Archive skipped** | trial tiny-0 has no model under file:");
    assertThat(StudyFiles.trials(dir.resolve(".paddock")))
        .hasSize(3)
        .allSatisfy(
            t -> {
              assertThat(t.getStatus().phase()).isEqualTo(TrialPhase.Succeeded);
              assertThat(t.getStatus().code()).isNotNull();
              assertThat(t.getStatus().archived()).isNull();
            });
  }

  @Test
  void anyOtherTrainerThatPushesItsReportsIsArchivedWithItsWholeOutputDirectory()
      throws IOException {
    // A script with the Python client: it pushes its epochs and writes its own files, no model/.
    Path script = dir.resolve("own-trainer.sh");
    Files.writeString(
        script,
        """
        #!/bin/sh
        printf '{"weights": [1, 2]}' > "$PADDOCK_OUTPUT_DIR/best_model.json"
        mkdir -p "$PADDOCK_CHECKPOINT_DIR" && printf '{}' > "$PADDOCK_CHECKPOINT_DIR/state.json"
        printf '{"status":"completed","epoch":1,"metrics":{"val_f1":0.9,"val_loss":0.3}}' \\
          > "$PADDOCK_TERMINATION_LOG"
        """);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path manifest =
        FakeTrainer.manifest(
            dir,
            "args: [train, --data, \"synthetic:moons\", --label, label, --task, binary]",
            "command: [./own-trainer.sh]",
            "topPercent: 33",
            "topPercent: 100",
            "  deploy: {modelDeployment: tiny-serving}\n",
            "");
    RecordingView view = new RecordingView();

    FakeTrainer.runner(manifest, 2, Clock.systemUTC(), view).run();

    assertThat(view.ofType("archive-skipped")).isEmpty();
    assertThat(status().archive().archived()).isEqualTo(3);
    assertThat(status().archive().message()).isNull();
    for (var trial : StudyFiles.trials(dir.resolve(".paddock"))) {
      Path archived =
          dir.resolve(".paddock/archive/default/tiny").resolve(trial.getStatus().code());
      assertThat(trial.getStatus().archived()).isNotNull();
      assertThat(archived.resolve("best_model.json")).hasContent("{\"weights\": [1, 2]}");
      assertThat(archived.resolve("checkpoints")).doesNotExist();
      assertThat(archived.resolve("trainer.log")).doesNotExist();
    }
  }

  @Test
  void aRunThatCapsTheStudysParallelismSaysSoInOneLine() throws IOException {
    Path manifest = FakeTrainer.manifest(dir, ARCHIVE_DEPLOY, "");
    RecordingView view = new RecordingView();

    FakeTrainer.runner(manifest, 1, Clock.systemUTC(), view).run();

    assertThat(view.ofType("parallelism-capped"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.fields().get("message").toString())
                    .startsWith(
                        "running at most 1 trial at once, below the study's parallelism of 2"
                            + " (--parallel 1; the default is one per core, ")
                    .doesNotContain("\n"));
    assertThat(view.events.get(0).type()).isEqualTo("parallelism-capped");
  }

  @Test
  void aRunThatDoesNotCapTheStudysParallelismSaysNothingAboutIt() throws IOException {
    Path manifest = FakeTrainer.manifest(dir, ARCHIVE_DEPLOY, "");
    RecordingView view = new RecordingView();

    FakeTrainer.runner(manifest, 3, Clock.systemUTC(), view).run();

    assertThat(view.ofType("parallelism-capped")).isEmpty();
  }

  private TrainingStudyStatus status() {
    return JsonFiles.read(
            dir.resolve(".paddock/studies/default/tiny/study.json"), TrainingStudy.class)
        .getStatus();
  }

  private String report() throws IOException {
    return Files.readString(dir.resolve(".paddock/reports/default/tiny/report.md"));
  }
}
