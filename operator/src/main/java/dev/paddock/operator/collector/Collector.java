package dev.paddock.operator.collector;

import dev.paddock.api.v1alpha1.MetricsCollectorKind;
import dev.paddock.contract.CollectedPod;
import dev.paddock.contract.metrics.EpochMetrics;
import dev.paddock.contract.metrics.MetricsFormat;
import dev.paddock.contract.metrics.MetricsParser;
import dev.paddock.contract.metrics.MetricsSpec;
import dev.paddock.contract.report.Decision;
import dev.paddock.contract.report.EpochReporter;
import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.contract.store.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code paddock collect}: the collector sidecar of a collected trial's pod ({@link CollectedPod}).
 * Before the trainer starts: the launcher is put in place and the checkpoints restored. While it
 * runs: its metrics are read (stdout or a file), each epoch is reported to the operator with the
 * pod's token, a stop decision stops it, and the checkpoints are synced. Once it has ended: the
 * rest is read and reported, the output directory uploaded, the checkpoints synced a last time, and
 * the trial's summary written as this container's termination message, which the operator reads
 * when the trainer wrote none.
 */
public final class Collector {

  private static final Logger LOG = LoggerFactory.getLogger(Collector.class);
  private static final long TICK_MILLIS = 200;
  private static final Duration REPORT_TIMEOUT = Duration.ofSeconds(5);

  /** How long the last reports may wait for an operator that is away. */
  private static final Duration FINAL_REPORTS = Duration.ofSeconds(60);

  private final CollectorSettings settings;
  private final Path launcher;
  private final Path terminationLog;
  private final Optional<EpochReporter> reporter;
  private final CollectedEpochs epochs = new CollectedEpochs();
  private final List<LogFollower> followers = new ArrayList<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private MetricsParser parser;
  private FileTail fileTail;
  private ArtifactStore store;
  private CheckpointSync checkpoints;

  Collector(CollectorSettings settings, Path launcher, Path terminationLog) {
    this.settings = settings;
    this.launcher = launcher;
    this.terminationLog = terminationLog;
    this.reporter =
        settings.choice().isPush()
            ? Optional.empty()
            : EpochReporter.fromEnv(settings.reportEnv(), REPORT_TIMEOUT);
    EpochSink sink = this::collected;
    if (settings.choice().kind() == MetricsCollectorKind.STDOUT) {
      parser = MetricsParser.of(settings.choice().spec());
      followers.add(new LogFollower(settings.run(CollectedPod.STDOUT_LOG), parser, sink));
      followers.add(new LogFollower(settings.run(CollectedPod.STDERR_LOG), parser, sink));
    } else {
      // The trainer's last lines still explain a failure when metrics come from a file.
      MetricsParser none = MetricsParser.of(MetricsSpec.of(MetricsFormat.KEY_VALUE));
      followers.add(new LogFollower(settings.run(CollectedPod.STDOUT_LOG), none, e -> {}));
      followers.add(new LogFollower(settings.run(CollectedPod.STDERR_LOG), none, e -> {}));
    }
    if (settings.choice().kind() == MetricsCollectorKind.FILE) {
      Path file = settings.outputDir().resolve(settings.choice().path()).normalize();
      fileTail = new FileTail(file, settings.choice().spec(), sink);
    }
  }

  /** The sidecar's whole life; returns once the trainer has ended and everything is kept. */
  public static void run(Map<String, String> env, Path launcher) throws Exception {
    Collector collector =
        new Collector(CollectorSettings.fromEnv(env), launcher, Path.of("/dev/termination-log"));
    // The kubelet stops a sidecar only after the trainer has ended: let the last upload finish.
    Runtime.getRuntime().addShutdownHook(new Thread(collector::awaitFinished, "collector-stop"));
    collector.prepare();
    collector.follow();
    collector.finish();
    // A sidecar that exits is restarted: it waits for the kubelet's SIGTERM, once the trainer has
    // ended and the pod is done.
    Thread.sleep(Long.MAX_VALUE);
  }

  /** The launcher in place, the checkpoints restored, and the trainer let start. */
  void prepare() throws IOException, InterruptedException {
    Path ready = settings.run(CollectedPod.READY);
    if (Files.exists(ready)) {
      // A restarted sidecar (the kubelet restarts it): the trainer runs, and its checkpoints in
      // the directory are newer than the store's. Sync on, from the start of its logs.
      LOG.info("restarted beside a running trainer: following it again");
      store = Stores.open(settings.artifacts(), settings.s3());
      checkpoints = new CheckpointSync(store, settings.checkpointDir());
      return;
    }
    Path target = settings.run(CollectedPod.LAUNCHER);
    Files.createDirectories(target.getParent());
    Files.copy(launcher, target, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    restore();
    Files.writeString(ready, "ready\n");
  }

  private void restore() throws InterruptedException {
    long deadline = System.nanoTime() + settings.storeWait().toNanos();
    Duration pause = Duration.ofSeconds(1);
    while (true) {
      try {
        store = Stores.open(settings.artifacts(), settings.s3());
        checkpoints = new CheckpointSync(store, settings.checkpointDir());
        int restored = checkpoints.restore();
        if (restored > 0) {
          LOG.info("restored {} checkpoint files from {}", restored, store.uri("checkpoints/"));
        }
        return;
      } catch (IOException | RuntimeException e) {
        if (System.nanoTime() > deadline) {
          epochs.problem(
              "the checkpoints could not be restored from "
                  + settings.artifacts()
                  + " ("
                  + e.getMessage()
                  + "): the trainer started without them");
          return;
        }
        LOG.warn("cannot restore the checkpoints yet ({}): retrying", e.toString());
        Thread.sleep(pause.toMillis());
        pause =
            pause.multipliedBy(2).compareTo(Duration.ofSeconds(15)) > 0
                ? Duration.ofSeconds(15)
                : pause.multipliedBy(2);
      }
    }
  }

  /** Reads, reports and syncs until the launcher says the trainer has ended. */
  void follow() throws IOException, InterruptedException {
    long nextSync = System.nanoTime() + settings.checkpointSync().toNanos();
    while (TrainerExit.read(settings.run(CollectedPod.EXIT)).isEmpty()) {
      read(false);
      if (System.nanoTime() >= nextSync) {
        sync(false);
        nextSync = System.nanoTime() + settings.checkpointSync().toNanos();
      }
      Thread.sleep(TICK_MILLIS);
    }
  }

  /** The rest read and reported, the output uploaded, the summary written; the launcher let go. */
  void finish() throws IOException, InterruptedException {
    try {
      TrainerExit exit = TrainerExit.read(settings.run(CollectedPod.EXIT)).orElseThrow();
      read(true);
      noteUnreadableLines();
      flushReports();
      sync(true);
      upload();
      List<String> lastLines = new ArrayList<>();
      followers.forEach(f -> lastLines.addAll(f.lastLines()));
      CollectorSummary.of(exit, epochs, settings.choice(), lastLines).write(terminationLog);
    } finally {
      Files.writeString(settings.run(CollectedPod.COLLECTED), "collected\n");
      finished.countDown();
    }
  }

  private void read(boolean ended) throws IOException {
    for (LogFollower follower : followers) {
      follower.poll(ended);
    }
    if (fileTail != null) {
      fileTail.poll(ended);
    }
  }

  private void noteUnreadableLines() {
    if (parser != null && parser.unreadableCount() > 0) {
      epochs.problem(
          parser.unreadableCount()
              + " lines looked like metrics but could not be read, e.g. '"
              + parser.unreadableExamples().get(0)
              + "'");
    }
  }

  private void collected(EpochMetrics epoch) {
    epochs.add(epoch);
    if (reporter.isPresent()
        && reporter.get().report(epoch.epoch(), epoch.finite()) == Decision.STOP
        && !epochs.stopAsked()) {
      epochs.askStop();
      try {
        Files.writeString(settings.run(CollectedPod.STOP), "stop\n");
        LOG.info("the operator answered stop at epoch {}: stopping the trainer", epoch.epoch());
      } catch (IOException e) {
        epochs.problem("the stop decision could not be passed on: " + e.getMessage());
      }
    }
  }

  private void flushReports() throws InterruptedException {
    if (reporter.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + FINAL_REPORTS.toNanos();
    while (!reporter.get().flush()) {
      if (System.nanoTime() > deadline) {
        epochs.problem(
            reporter.get().pendingCount()
                + " epoch reports could not reach the operator; the summary carries the last");
        return;
      }
      Thread.sleep(1000);
    }
  }

  private void sync(boolean last) throws InterruptedException {
    if (checkpoints == null) {
      return;
    }
    try {
      int uploaded = checkpoints.sync(last);
      if (uploaded > 0) {
        LOG.info("synced {} checkpoint files", uploaded);
      }
    } catch (RuntimeException e) {
      if (last) {
        epochs.problem("the last checkpoints could not be synced: " + e.getMessage());
      } else {
        LOG.warn("cannot sync the checkpoints yet ({}): retrying", e.toString());
      }
    }
  }

  private void upload() {
    try {
      if (store == null) {
        store = Stores.open(settings.artifacts(), settings.s3());
      }
      int files = OutputUpload.upload(settings.outputDir(), store, "");
      LOG.info("uploaded {} output files to {}", files, store.uri(""));
    } catch (RuntimeException e) {
      epochs.outputLost(
          "the output directory could not be uploaded to "
              + settings.artifacts()
              + ": "
              + e.getMessage());
    }
  }

  /** On SIGTERM: the last upload may finish (within the pod's grace), and the exit is clean. */
  private void awaitFinished() {
    try {
      if (finished.await(25, TimeUnit.SECONDS)) {
        Runtime.getRuntime().halt(0);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
