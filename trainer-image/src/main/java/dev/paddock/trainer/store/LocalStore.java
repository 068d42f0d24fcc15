package dev.paddock.trainer.store;

import dev.paddock.trainer.util.TrainerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** An {@link ArtifactStore} in a local directory; writes go through a temp file and a rename. */
public final class LocalStore implements ArtifactStore {

  private final Path root;

  public LocalStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  private Path resolve(String key) {
    Path p = root.resolve(key).normalize();
    if (!p.startsWith(root)) {
      throw new IllegalArgumentException("key escapes the store: " + key);
    }
    return p;
  }

  @Override
  public void put(String key, byte[] bytes) {
    Path target = resolve(key);
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".tmp-", "");
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw TrainerException.retryable("cannot write " + uri(key) + ": " + e, e);
    }
  }

  @Override
  public void putFile(String key, Path file) {
    try {
      put(key, Files.readAllBytes(file));
    } catch (IOException e) {
      throw TrainerException.retryable("cannot read " + file + ": " + e, e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    try {
      return Optional.of(Files.readAllBytes(resolve(key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw TrainerException.retryable("cannot read " + uri(key) + ": " + e, e);
    }
  }

  @Override
  public InputStream open(String key) {
    try {
      return Files.newInputStream(resolve(key));
    } catch (NoSuchFileException e) {
      throw TrainerException.user(uri(key) + ": no such file");
    } catch (IOException e) {
      throw TrainerException.retryable("cannot read " + uri(key) + ": " + e, e);
    }
  }

  @Override
  public void delete(String key) {
    try {
      Path p = resolve(key);
      Files.deleteIfExists(p);
      // like an object store: no empty directories left behind
      for (Path dir = p.getParent(); dir != null && !dir.equals(root); dir = dir.getParent()) {
        try (Stream<Path> s = Files.list(dir)) {
          if (s.findAny().isPresent()) {
            break;
          }
        }
        Files.delete(dir);
      }
    } catch (IOException e) {
      throw TrainerException.retryable("cannot delete " + uri(key) + ": " + e, e);
    }
  }

  @Override
  public List<String> list(String prefix) {
    Path dir = resolve(prefix);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith(".tmp-"))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw TrainerException.retryable("cannot list " + uri(prefix) + ": " + e, e);
    }
  }

  @Override
  public String uri(String key) {
    return resolve(key).toUri().toString();
  }
}
