package dev.paddock.operator.local;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.operator.study.StudyDefinitions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

/**
 * A stand-in for paddock-trainer in unit tests of the local runner: a shell script that writes the
 * trainer contract's termination message at once (one epoch, {@code val_f1 = 0.9}) and no model.
 */
final class FakeTrainer {

  private static final String SCRIPT =
      """
      #!/bin/sh
      printf '{"status":"completed","epoch":1,"metrics":{"val_f1":0.9,"val_loss":0.3}}' \\
        > "$PADDOCK_TERMINATION_LOG"
      """;

  private FakeTrainer() {}

  /** Writes the script into {@code dir} and returns its path. */
  static Path install(Path dir) throws IOException {
    Path script = dir.resolve("fake-trainer");
    Files.writeString(script, SCRIPT);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  /** The tiny study of LocalRunIT, with the given replacements applied to its YAML. */
  static Path manifest(Path dir, String... replacements) throws IOException {
    String yaml = Files.readString(Path.of("src", "test", "resources", "local", "tiny-study.yaml"));
    for (int i = 0; i + 1 < replacements.length; i += 2) {
      yaml = yaml.replace(replacements[i], replacements[i + 1]);
    }
    Path manifest = dir.resolve("study.yaml");
    Files.writeString(manifest, yaml);
    return manifest;
  }

  /** A runner of the manifest with the fake trainer, {@code parallel} trials at once. */
  static LocalStudyRunner runner(Path manifest, int parallel, Clock clock, ProgressView view)
      throws IOException {
    TrainingStudy study = StudyFiles.load(manifest);
    RunOptions options =
        new RunOptions(manifest, null, install(manifest.getParent()), parallel, 1, clock, null);
    return new LocalStudyRunner(
        study,
        StudyDefinitions.from(study.getMetadata().getName(), study.getSpec()),
        options,
        view);
  }
}
