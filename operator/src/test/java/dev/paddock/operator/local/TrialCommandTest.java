package dev.paddock.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.TrialSpec;
import dev.paddock.operator.study.StudyDefinitions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialCommandTest {

  private static final Path EXAMPLE = Path.of("..", "examples", "any-script");
  private static final Path TRAINER = Path.of("/opt/paddock/bin/paddock-trainer");

  @TempDir Path dir;

  private TrainingStudy study(String from, String to) throws IOException {
    Path manifest = dir.resolve("study.yaml");
    Files.writeString(
        manifest, Files.readString(EXAMPLE.resolve("study-stdout.yaml")).replace(from, to));
    return StudyFiles.load(manifest);
  }

  private Map<String, String> environment(TrainingStudy study) {
    LiveTrial trial =
        new LiveTrial(
            "any-script-stdout-3",
            new TrialSpec("any-script-stdout", 3, 10, Map.of("lr", "1.0E-3", "batch_size", "32")),
            StudyDefinitions.from("any-script-stdout", study.getSpec()));
    trial.artifacts = dir.toUri().toString();
    LocalLayout layout = new LocalLayout(dir.resolve(".paddock"), "default", "any-script-stdout");
    return TrialCommand.environment(
        study, trial, layout, ArtifactTarget.LOCAL, "http://127.0.0.1:1/v1/report", "t", 1);
  }

  @Test
  void theContainersCommandRunsWithItsArgsExpandedAsTheKubeletDoes() throws IOException {
    TrainingStudy study = study("--sleep, \"0.2\"", "--note, \"$$(PADDOCK_PARAM_LR)\"");
    Map<String, String> env = new java.util.HashMap<>(environment(study));
    // A python3 of its own on the trial's PATH: the test needs none on this machine.
    Path python = dir.resolve("python3");
    Files.writeString(python, "#!/bin/sh\n");
    python.toFile().setExecutable(true);
    env.put("PATH", dir.toString());

    assertThat(TrialCommand.command(study, TRAINER, env, dir))
        .containsExactly(
            "python3",
            "train.py",
            "--lr",
            "1.0E-3",
            "--batch-size",
            "32",
            "--epochs",
            "10",
            "--out-dir",
            env.get("PADDOCK_OUTPUT_DIR"),
            "--note",
            "$(PADDOCK_PARAM_LR)");
  }

  @Test
  void theEnvironmentHasEachParameterAndTheManagedDirectories() throws IOException {
    Map<String, String> env = environment(study("", ""));

    assertThat(env)
        .containsEntry("PADDOCK_PARAM_LR", "1.0E-3")
        .containsEntry("PADDOCK_PARAM_BATCH_SIZE", "32")
        .containsEntry("PADDOCK_PARAMS", "{\"batch_size\":\"32\",\"lr\":\"1.0E-3\"}")
        .containsEntry(
            "PADDOCK_OUTPUT_DIR",
            dir.resolve(".paddock/studies/default/any-script-stdout/trials/any-script-stdout-3")
                .toString())
        .containsEntry(
            "PADDOCK_CHECKPOINT_DIR",
            dir.resolve(
                    ".paddock/studies/default/any-script-stdout/trials/any-script-stdout-3/checkpoints")
                .toString());
  }

  @Test
  void paddockTrainerRunsTheLocalLauncher() throws IOException {
    Path launcher = dir.resolve("paddock-trainer");
    Files.writeString(launcher, "#!/bin/sh\n");
    launcher.toFile().setExecutable(true);
    TrainingStudy study =
        study("command: [python3, train.py]", "command: [paddock-trainer, train]");

    List<String> command = TrialCommand.command(study, launcher, environment(study), dir);

    assertThat(command.subList(0, 4))
        .containsExactly(launcher.toString(), "train", "--lr", "1.0E-3");
  }

  @Test
  void onlyTheDjlTrainerWritesItsOwnArtifactsAnyOtherCommandLeavesThemInItsOutputDirectory()
      throws IOException {
    assertThat(TrialCommand.runsPaddockTrainer(study("", ""))).isFalse();
    assertThat(
            TrialCommand.runsPaddockTrainer(
                study("command: [python3, train.py]", "command: [/opt/bin/paddock-trainer]")))
        .isTrue();
    assertThat(
            TrialCommand.runsPaddockTrainer(
                study("            command: [python3, train.py]\n", "")))
        .as("no command: the image's entrypoint, the trainer's")
        .isTrue();
  }

  @Test
  void aCommandNotOnThisMachineIsRefusedBeforeItStarts() throws IOException {
    TrainingStudy study = study("command: [python3, train.py]", "command: [./missing.sh]");

    assertThatThrownBy(() -> TrialCommand.command(study, TRAINER, environment(study), dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("./missing.sh")
        .hasMessageContaining("not found on this machine")
        .hasMessageContaining("without its image");
  }
}
