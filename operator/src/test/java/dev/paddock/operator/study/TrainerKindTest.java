package dev.paddock.operator.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.operator.manifest.Manifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerKindTest {

  private static final Path EXAMPLES = Path.of("..", "examples");

  @TempDir Path dir;

  private TrainingStudy study(String example, String from, String to) throws IOException {
    Path manifest = dir.resolve("study.yaml");
    Files.writeString(manifest, Files.readString(EXAMPLES.resolve(example)).replace(from, to));
    return Manifests.loadStudy(manifest);
  }

  @Test
  void onlyTheDjlTrainerWritesItsOwnArtifactsAnyOtherCommandLeavesThemInItsOutputDirectory()
      throws IOException {
    assertThat(TrainerKind.runsPaddockTrainer(study("any-script/study-stdout.yaml", "", "")))
        .isFalse();
    assertThat(
            TrainerKind.runsPaddockTrainer(
                study(
                    "any-script/study-stdout.yaml",
                    "command: [python3, train.py]",
                    "command: [/opt/bin/paddock-trainer]")))
        .isTrue();
    assertThat(TrainerKind.runsPaddockTrainer(study("quickstart/study.yaml", "", "")))
        .as("no command: the image's entrypoint, the trainer's")
        .isTrue();
  }
}
