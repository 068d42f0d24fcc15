package dev.paddock.testsupport.kubelet;

import dev.paddock.testsupport.ProcessReaper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a container as a local process: its environment only (nothing of the test JVM's but
 * what the harness passes through), the pod's directory as working directory, stdout and stderr
 * appended to the container's log file. Stopping it is the kubelet's: SIGTERM to the main process,
 * SIGKILL to everything left after the grace period.
 */
final class ContainerProcess {

  private final Process process;
  private final Instant startedAt;
  private final long logOffset;

  private ContainerProcess(Process process, long logOffset) {
    this.process = process;
    this.startedAt = Instant.now();
    this.logOffset = logOffset;
  }

  static ContainerProcess start(
      List<String> argv, Map<String, String> env, Path workDir, Path logFile) {
    ProcessBuilder builder = new ProcessBuilder(argv).directory(workDir.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    try {
      long offset = Files.exists(logFile) ? Files.size(logFile) : 0;
      Process process = builder.start();
      ProcessReaper.register(process);
      return new ContainerProcess(process, offset);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + argv, e);
    }
  }

  long pid() {
    return process.pid();
  }

  Instant startedAt() {
    return startedAt;
  }

  /** Where this run's output begins in the log file (earlier runs' output comes before). */
  long logOffset() {
    return logOffset;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the main process to exit. */
  int awaitExit() throws InterruptedException {
    int code = process.waitFor();
    ProcessReaper.forget(process);
    return code;
  }

  /** SIGTERM now, SIGKILL to the whole tree after the grace period. */
  void stop(long graceSeconds) {
    List<ProcessHandle> tree = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(Math.max(0, graceSeconds), TimeUnit.SECONDS)) {
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    tree.forEach(ProcessHandle::destroyForcibly);
  }
}
