package dev.paddock.operator.local;

import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.operator.archive.Archiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A collected trainer's output directory into its trial's prefix of an s3:// store, when it ends
 * (on disk, the output directory already is the trial's prefix). Its checkpoints and the runner's
 * own records stay local.
 */
final class OutputUpload {

  private OutputUpload() {}

  /** Returns how many files were uploaded. */
  static int upload(Path outputDir, ArtifactStore store, String prefix) {
    if (!Files.isDirectory(outputDir)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(outputDir)) {
      List<Path> files = walk.filter(Files::isRegularFile).toList();
      int uploaded = 0;
      for (Path file : files) {
        String relative = outputDir.relativize(file).toString().replace('\\', '/');
        if (Archiver.NOT_OUTPUT.stream().noneMatch(relative::startsWith)) {
          store.put(prefix + relative, Files.readAllBytes(file));
          uploaded++;
        }
      }
      return uploaded;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot upload the output directory " + outputDir, e);
    }
  }
}
