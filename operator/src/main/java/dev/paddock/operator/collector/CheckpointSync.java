package dev.paddock.operator.collector;

import dev.paddock.contract.store.ArtifactLayout;
import dev.paddock.contract.store.ArtifactStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The trainer's checkpoint directory, kept in the trial's {@code checkpoints/} in the store:
 * restored before the trainer starts (a retried or evicted trial finds its checkpoints where it
 * left them), and synced while it runs. A file is uploaded once it has stayed the same for a whole
 * sync period, so a checkpoint still being written is not uploaded half-way; the last sync, once
 * the trainer has ended, takes every change.
 */
final class CheckpointSync {

  private final ArtifactStore store;
  private final Path dir;
  private final Map<String, Stamp> uploaded = new HashMap<>();
  private final Map<String, Stamp> seen = new HashMap<>();

  /** A file's size and modification time: a change to either is a new version. */
  private record Stamp(long size, long modified) {}

  /**
   * @param store the trial's artifact prefix
   */
  CheckpointSync(ArtifactStore store, Path dir) {
    this.store = store;
    this.dir = dir;
  }

  /**
   * Downloads the trial's checkpoints into the directory, writable by the trainer whichever user it
   * runs as; returns how many files were restored.
   */
  int restore() throws IOException {
    List<String> keys = store.list(ArtifactLayout.CHECKPOINTS);
    for (String key : keys) {
      String relative = key.substring(ArtifactLayout.CHECKPOINTS.length());
      Path target = dir.resolve(relative).normalize();
      if (relative.isEmpty() || !target.startsWith(dir)) {
        continue;
      }
      byte[] content = store.get(key).orElse(null);
      if (content == null) {
        continue;
      }
      Files.createDirectories(target.getParent());
      Files.write(target, content);
      openToAll(target);
      uploaded.put(relative, stamp(target));
    }
    return keys.size();
  }

  /** Uploads what changed and has settled; {@code last}: the trainer has ended, take everything. */
  int sync(boolean last) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    int count = 0;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String relative = dir.relativize(file).toString().replace('\\', '/');
        Stamp now = stamp(file);
        boolean settled = now.equals(seen.put(relative, now));
        if (!now.equals(uploaded.get(relative)) && (settled || last)) {
          store.putFile(ArtifactLayout.CHECKPOINTS + relative, file);
          uploaded.put(relative, now);
          count++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the checkpoint directory " + dir, e);
    }
    return count;
  }

  private static Stamp stamp(Path file) {
    try {
      return new Stamp(Files.size(file), Files.getLastModifiedTime(file).toMillis());
    } catch (IOException e) {
      // Deleted while listed: it is not a checkpoint to keep.
      return new Stamp(-1, -1);
    }
  }

  /** The trainer may run as another user than the collector: it must be able to replace them. */
  private void openToAll(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
    for (Path parent = file.getParent();
        parent != null && parent.startsWith(dir) && !parent.equals(dir);
        parent = parent.getParent()) {
      Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxrwxrwx"));
    }
  }
}
