package dev.paddock.operator.local;

import dev.paddock.api.v1alpha1.MetricsCollectorKind;
import dev.paddock.contract.metrics.MetricsParser;
import dev.paddock.operator.collector.CollectorChoice;
import dev.paddock.operator.collector.EpochSink;
import dev.paddock.operator.collector.FileTail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A trial's trainer, as a child process whose output goes to the trial's trainer.log. With a stdout
 * or file collector, its metrics are read while it runs and handed to an {@link EpochSink}; the
 * process counts as ended only once what it wrote has been read to the end.
 */
final class TrialProcess {

  private static final long POLL_MILLIS = 200;

  private final Process process;
  private final List<Thread> readers = new ArrayList<>();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private Writer log;
  private FileTail tail;
  private CompletableFuture<Void> done;

  private TrialProcess(Process process) {
    this.process = process;
  }

  static TrialProcess start(List<String> command, Map<String, String> env, Path workDir, Path log) {
    return start(command, env, workDir, log, new Collecting(CollectorChoice.PUSH, null, null));
  }

  /** What to collect, where the output directory is, and where each epoch goes. */
  record Collecting(CollectorChoice choice, Path outputDir, EpochSink sink) {}

  static TrialProcess start(
      List<String> command, Map<String, String> env, Path workDir, Path log, Collecting what) {
    try {
      Files.createDirectories(log.getParent());
      boolean pipes = what.choice().kind() == MetricsCollectorKind.STDOUT;
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
      if (!pipes) {
        builder
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      }
      builder.environment().putAll(env);
      TrialProcess trial = new TrialProcess(builder.start());
      trial.collect(what, log);
      return trial;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
  }

  private void collect(Collecting what, Path logFile) throws IOException {
    switch (what.choice().kind()) {
      case STDOUT -> {
        log =
            Files.newBufferedWriter(
                logFile,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        MetricsParser parser = MetricsParser.of(what.choice().spec());
        reader("stdout", new StreamPump(process.getInputStream(), log, parser, what.sink()));
        reader("stderr", new StreamPump(process.getErrorStream(), log, parser, what.sink()));
      }
      case FILE -> {
        Path file = what.outputDir().resolve(what.choice().path()).normalize();
        tail = new FileTail(file, what.choice().spec(), what.sink());
        reader("tail", this::followFile);
      }
      case PUSH -> {}
    }
    done = process.onExit().thenRun(this::drain);
  }

  private void reader(String name, Runnable body) {
    Thread thread = new Thread(body, "trial-" + name + "-" + process.pid());
    thread.setDaemon(true);
    readers.add(thread);
    thread.start();
  }

  private void followFile() {
    try {
      while (process.isAlive()) {
        tail.poll(false);
        Thread.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Once the process has exited: the rest of its output is read, the file a last time. */
  private void drain() {
    for (Thread reader : readers) {
      try {
        reader.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (tail != null) {
      tail.poll(true);
    }
    try {
      if (log != null) {
        log.close();
      }
    } catch (IOException e) {
      // The log is for people; what was collected is kept.
    }
  }

  /** True until the process has exited and its metrics have been read to the end. */
  boolean isAlive() {
    return !done.isDone();
  }

  /** Runs {@code action} (on another thread) once the process has ended and been read. */
  void onExit(Runnable action) {
    done.thenRun(action);
  }

  int exitCode() {
    return process.exitValue();
  }

  /** Asks the trainer to stop, once, without waiting: SIGTERM, then SIGKILL after the grace. */
  void stopGracefully(long graceSeconds) {
    if (stopping.compareAndSet(false, true)) {
      Thread stopper = new Thread(() -> terminate(graceSeconds), "trial-stop-" + process.pid());
      stopper.setDaemon(true);
      stopper.start();
    }
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
