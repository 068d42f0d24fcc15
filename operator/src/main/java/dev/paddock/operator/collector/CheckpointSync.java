package dev.paddock.operator.collector;

import dev.paddock.contract.store.ArtifactLayout;
import dev.paddock.contract.store.ArtifactStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
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

  /** How long a changed file must stay unchanged before a sync takes it. */
  private static final Duration QUIET = Duration.ofSeconds(1);

  private final ArtifactStore store;
  private final Path dir;
  private final Map<String, Stamp> uploaded = new HashMap<>();

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

  /**
   * Uploads what changed since its last upload and has settled: unchanged over a quiet second (a
   * trainer that rewrites its checkpoint every few seconds is between two writes then, while a file
   * still being written grows). {@code last}: the trainer has ended, take every change.
   */
  int sync(boolean last) throws InterruptedException {
    Map<String, Stamp> changed = changed();
    if (changed.isEmpty()) {
      return 0;
    }
    if (!last) {
      Thread.sleep(QUIET.toMillis());
      Map<String, Stamp> again = changed();
      changed.entrySet().removeIf(e -> !e.getValue().equals(again.get(e.getKey())));
    }
    for (Map.Entry<String, Stamp> file : changed.entrySet()) {
      store.putFile(ArtifactLayout.CHECKPOINTS + file.getKey(), dir.resolve(file.getKey()));
      uploaded.put(file.getKey(), file.getValue());
    }
    return changed.size();
  }

  /** The files whose stamp differs from the one last uploaded, by path relative to the dir. */
  private Map<String, Stamp> changed() {
    Map<String, Stamp> changed = new HashMap<>();
    if (!Files.isDirectory(dir)) {
      return changed;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String relative = dir.relativize(file).toString().replace('\\', '/');
        Stamp now = stamp(file);
        if (now.size() >= 0 && !now.equals(uploaded.get(relative))) {
          changed.put(relative, now);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // A file removed while listed: the next sync sees the directory as it is then.
    }
    return changed;
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
