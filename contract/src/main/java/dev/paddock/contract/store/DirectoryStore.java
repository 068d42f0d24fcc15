package dev.paddock.contract.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An artifact store in a local directory: key {@code a/b/c} is the file {@code root/a/b/c}. Writes
 * go through a temporary file and a rename, so a reader never sees half an object; like an object
 * store, deleting an object leaves no empty directories behind.
 */
public final class DirectoryStore implements ArtifactStore {

  private static final String TEMP = ".tmp-";

  private final Path root;

  public DirectoryStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public void put(String key, byte[] content) {
    Path target = resolve(key);
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), TEMP, "");
      Files.write(temp, content);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw failed("write", key, e);
    }
  }

  @Override
  public void putFile(String key, Path file) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new StoreUnavailableException("cannot read " + file + ": " + e, e);
    }
    put(key, content);
  }

  @Override
  public Optional<byte[]> get(String key) {
    try {
      return Optional.of(Files.readAllBytes(resolve(key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failed("read", key, e);
    }
  }

  @Override
  public InputStream open(String key) {
    try {
      return Files.newInputStream(resolve(key));
    } catch (NoSuchFileException e) {
      throw new StoreUnavailableException(uri(key) + ": no such file", e, false);
    } catch (IOException e) {
      throw failed("read", key, e);
    }
  }

  @Override
  public List<String> list(String prefix) {
    Path base = resolve(prefix);
    // A prefix may end inside a name ("trials/s-1" lists "trials/s-10/..." too), as in S3.
    Path dir = prefix.isEmpty() || prefix.endsWith("/") ? base : base.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith(TEMP))
          .map(f -> root.relativize(f).toString().replace('\\', '/'))
          .filter(k -> k.startsWith(prefix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw failed("list", prefix, e);
    }
  }

  @Override
  public void delete(String key) {
    Path file = resolve(key);
    try {
      Files.deleteIfExists(file);
      pruneEmptyParents(file);
    } catch (IOException e) {
      throw failed("delete", key, e);
    }
  }

  @Override
  public void copy(String fromKey, String toKey) {
    Path target = resolve(toKey);
    try {
      Files.createDirectories(target.getParent());
      Files.copy(resolve(fromKey), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new StoreUnavailableException(
          "cannot copy " + uri(fromKey) + " to " + uri(toKey) + ": " + e, e);
    }
  }

  @Override
  public void deletePrefix(String prefix) {
    Path base = resolve(prefix);
    if (!Files.exists(base)) {
      list(prefix).forEach(k -> resolve(k).toFile().delete());
      return;
    }
    try (Stream<Path> files = Files.walk(base)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw failed("delete", prefix, e);
    }
  }

  @Override
  public String uri(String key) {
    return resolve(key).toUri().toString();
  }

  private void pruneEmptyParents(Path file) throws IOException {
    for (Path dir = file.getParent(); dir != null && dir.startsWith(root) && !dir.equals(root); ) {
      try (Stream<Path> s = Files.list(dir)) {
        if (s.findAny().isPresent()) {
          return;
        }
      } catch (NoSuchFileException e) {
        // already gone
      }
      Files.deleteIfExists(dir);
      dir = dir.getParent();
    }
  }

  private Path resolve(String key) {
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("key escapes the store: " + key);
    }
    return path;
  }

  private StoreUnavailableException failed(String action, String key, IOException e) {
    return new StoreUnavailableException("cannot " + action + " " + uri(key) + ": " + e, e);
  }
}
