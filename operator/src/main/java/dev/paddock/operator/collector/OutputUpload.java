package dev.paddock.operator.collector;

import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.operator.archive.Archiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A collected trainer's output directory into its trial's prefix of the store, when it ends: by the
 * collector sidecar in the cluster, and by the local runner for an s3:// store (on disk, the output
 * directory already is the trial's prefix). The local runner's own records stay local.
 */
public final class OutputUpload {

  private OutputUpload() {}

  /** Returns how many files were uploaded. */
  public static int upload(Path outputDir, ArtifactStore store, String prefix) {
    if (!Files.isDirectory(outputDir)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(outputDir)) {
      List<Path> files = walk.filter(Files::isRegularFile).toList();
      int uploaded = 0;
      for (Path file : files) {
        String relative = outputDir.relativize(file).toString().replace('\\', '/');
        if (Archiver.NOT_OUTPUT.stream().noneMatch(relative::startsWith)) {
          store.putFile(prefix + relative, file);
          uploaded++;
        }
      }
      return uploaded;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot upload the output directory " + outputDir, e);
    }
  }
}
