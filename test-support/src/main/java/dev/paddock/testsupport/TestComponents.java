package dev.paddock.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where {@code scripts/test-env.sh install} put the real components, and small shared helpers. */
public final class TestComponents {

  private TestComponents() {}

  /** The cache directory: {@code $PADDOCK_CACHE}, default {@code ~/.cache/paddock}. */
  public static Path cacheDir() {
    String fromEnv = System.getenv("PADDOCK_CACHE");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Paths.get(fromEnv);
    }
    return Paths.get(System.getProperty("user.home"), ".cache", "paddock");
  }

  /** A binary installed under {@code <cache>/bin}, or a clear error naming the install command. */
  public static Path binary(String name) {
    Path path = cacheDir().resolve("bin").resolve(name);
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException(
          name + " not found at " + path + ": run `scripts/test-env.sh install` first");
    }
    return path;
  }

  /** A Kubernetes binary (kubectl, kube-scheduler, ...) of the newest installed version. */
  public static Path k8sBinary(String name) {
    Path k8s = cacheDir().resolve("k8s");
    try (var versions = Files.list(k8s)) {
      Path dir =
          versions
              .filter(Files::isDirectory)
              .max(java.util.Comparator.comparing(TestComponents::versionKey))
              .orElseThrow(() -> new IllegalStateException("no Kubernetes version under " + k8s));
      Path path = dir.resolve(name);
      if (!Files.isExecutable(path)) {
        throw new IllegalStateException(
            name + " not found at " + path + ": run `scripts/test-env.sh install`");
      }
      return path;
    } catch (IOException e) {
      throw new IllegalStateException(
          "no Kubernetes binaries under " + k8s + ": run `scripts/test-env.sh install` first", e);
    }
  }

  /** "1.33.13-linux-amd64" sorts after "1.33.9-linux-amd64". */
  private static String versionKey(Path dir) {
    String[] parts = dir.getFileName().toString().split("-")[0].split("\\.");
    StringBuilder key = new StringBuilder();
    for (String part : parts) {
      key.append(String.format("%05d", Integer.parseInt(part)));
    }
    return key.toString();
  }

  /** A free TCP port on loopback (the OS picks it; a race with another process is unlikely). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on loopback", e);
    }
  }

  /** The repository root, found by walking up from the working directory to {@code mvnw}. */
  public static Path repositoryRoot() {
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null) {
      if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("crds"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "not inside the Paddock repository: " + Paths.get("").toAbsolutePath());
  }

  /** Deletes a directory tree, if it exists. */
  public static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
