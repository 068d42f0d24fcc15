package dev.paddock.operator.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A trial's trainer, as a child process whose output goes to the trial's trainer.log. */
final class TrialProcess {

  private final Process process;

  private TrialProcess(Process process) {
    this.process = process;
  }

  static TrialProcess start(List<String> command, Map<String, String> env, Path workDir, Path log) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(env);
      return new TrialProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Runs {@code action} (on another thread) once the process has exited. */
  void onExit(Runnable action) {
    process.onExit().thenRun(action);
  }

  int exitCode() {
    return process.exitValue();
  }

  /** SIGTERM, then SIGKILL after the grace period; children of the trainer go with it. */
  void terminate(long graceSeconds) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
