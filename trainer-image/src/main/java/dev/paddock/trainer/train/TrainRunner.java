package dev.paddock.trainer.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.paddock.contract.TerminationMessage;
import dev.paddock.contract.report.Decision;
import dev.paddock.contract.report.EpochReporter;
import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.contract.store.Stores;
import dev.paddock.trainer.config.Hyperparams;
import dev.paddock.trainer.config.TrainConfig;
import dev.paddock.trainer.data.Dataset;
import dev.paddock.trainer.data.DatasetBuilder;
import dev.paddock.trainer.data.FeatureColumn;
import dev.paddock.trainer.data.Sources;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one trial end to end: data, model, resume from a checkpoint if one matches, epochs with
 * reports and checkpoints, then the artifacts and the summary.
 */
public final class TrainRunner {

  /** Called after each finished epoch; tests use it to simulate a crash. */
  @FunctionalInterface
  public interface EpochHook {
    void afterEpoch(int epoch);
  }

  private static final Logger LOG = LoggerFactory.getLogger(TrainRunner.class);

  private final TrainConfig cfg;
  private final EpochHook hook;

  public TrainRunner(TrainConfig cfg, EpochHook hook) {
    this.cfg = cfg;
    this.hook = hook;
  }

  public TrainRunner(TrainConfig cfg) {
    this(cfg, epoch -> {});
  }

  public TerminationMessage run() {
    Instant started = Instant.now();
    Hyperparams hp = cfg.hp();
    ArtifactStore store = Stores.open(cfg.artifacts(), cfg.s3());
    CheckpointStore checkpoints = new CheckpointStore(store);
    Optional<CheckpointStore.Loaded> resume = checkpoints.latest(cfg.fingerprint());
    Device device = Hardware.pickDevice();
    LOG.info("training on {} ({})", device, hp.asMap());
    try (NDManager manager = NDManager.newBaseManager(device);
        Dataset data =
            new DatasetBuilder(cfg.data(), hp).build(Sources.open(cfg.data().source(), cfg.s3()))) {
      TrainSession session = new TrainSession(hp, data, manager);
      EpochReporter reporter = reporter();
      int start = 1;
      if (resume.isPresent()) {
        session.restore(resume.get());
        start = resume.get().state().epoch() + 1;
        requeueUnacked(reporter, resume.get().state(), session.history());
        LOG.info("resumed from the checkpoint of epoch {}", start - 1);
      }
      int[] last = {start - 1};
      String status = epochs(session, reporter, checkpoints, store, start, last);
      int epoch = last[0];
      if (reporter != null && !reporter.flush()) {
        LOG.warn("{} epoch reports were never acknowledged", reporter.pendingCount());
      }
      Map<String, Double> metrics = new LinkedHashMap<>(metricsOnly(session.history().last()));
      Map<String, Double> backtests = session.backtests();
      metrics.putAll(backtests);
      Map<String, Object> meta =
          metadata(data, device, status, epoch, start, metrics, backtests, started);
      new ArtifactWriter(store)
          .writeAll(
              session.model(data.features(), data.label()), session.history(), hp.asMap(), meta);
      LOG.info("{} after epoch {}: artifacts at {}", status, epoch, store.uri(""));
      return new TerminationMessage(status, epoch, metrics, null, false, store.uri(""));
    }
  }

  /** Runs epochs from {@code start}; returns the status and sets {@code last[0]}. */
  private String epochs(
      TrainSession session,
      EpochReporter reporter,
      CheckpointStore checkpoints,
      ArtifactStore store,
      int start,
      int[] last) {
    int epochs = cfg.hp().epochs();
    for (int e = start; e <= epochs; e++) {
      Map<String, Double> row = session.epoch(e);
      last[0] = e;
      LOG.info("epoch {}: {}", e, row);
      boolean stop = reporter != null && reporter.report(e, metricsOnly(row)) == Decision.STOP;
      boolean due = cfg.checkpointEvery() > 0 && e % cfg.checkpointEvery() == 0 && e < epochs;
      if (stop || due) {
        saveCheckpoint(checkpoints, store, session, e, reporter);
      }
      hook.afterEpoch(e);
      if (stop) {
        return TerminationMessage.STOPPED;
      }
    }
    return TerminationMessage.COMPLETED;
  }

  private EpochReporter reporter() {
    if (cfg.reportUrl() == null || cfg.reportUrl().isBlank()) {
      return null;
    }
    return new EpochReporter(
        URI.create(cfg.reportUrl()), cfg.reportToken(), cfg.trial(), Duration.ofSeconds(5));
  }

  private static void requeueUnacked(EpochReporter reporter, Checkpoint c, History history) {
    if (reporter == null) {
      return;
    }
    reporter.restoreAcked(c.lastAckedEpoch());
    for (Map<String, Double> row : history.epochs()) {
      int e = row.get("epoch").intValue();
      if (e > c.lastAckedEpoch()) {
        reporter.enqueue(e, metricsOnly(row));
      }
    }
  }

  private void saveCheckpoint(
      CheckpointStore checkpoints,
      ArtifactStore store,
      TrainSession session,
      int epoch,
      EpochReporter reporter) {
    int acked = reporter == null ? epoch : reporter.lastAcked();
    checkpoints.save(
        session.checkpoint(epoch, cfg.fingerprint(), acked),
        session.weights(),
        session.optimizerState());
    new ArtifactWriter(store).writeHistory(session.history());
  }

  /** A metrics row without its epoch number. */
  static Map<String, Double> metricsOnly(Map<String, Double> row) {
    Map<String, Double> m = new LinkedHashMap<>(row);
    m.remove("epoch");
    return m;
  }

  private Map<String, Object> metadata(
      Dataset data,
      Device device,
      String status,
      int epoch,
      int start,
      Map<String, Double> metrics,
      Map<String, Double> backtests,
      Instant started) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trial", cfg.trial());
    m.put("status", status);
    m.put("epochs_requested", cfg.hp().epochs());
    m.put("epochs_completed", epoch);
    m.put("resumed_from_epoch", start > 1 ? start - 1 : null);
    m.put("started_at", started.toString());
    m.put("finished_at", Instant.now().toString());
    m.put("task", data.label().task());
    m.put("label", data.label().name());
    m.put("classes", data.label().classes());
    m.put("features", data.features().columns().stream().map(FeatureColumn::name).toList());
    m.put("inputs", data.features().width());
    Map<String, Object> rows = new LinkedHashMap<>();
    rows.put("train", data.train().length);
    rows.put("validation", data.validation().length);
    data.holdouts().forEach(h -> rows.put("holdout_" + h.period().name(), h.rows().length));
    m.put("rows", rows);
    m.put("data", data.source());
    m.put("metrics", EpochReporter.finite(metrics));
    m.put("backtests", EpochReporter.finite(backtests));
    m.put("hardware", Hardware.describe(device));
    m.put("peak_heap_bytes", Hardware.peakHeapBytes());
    m.put("seed", cfg.hp().seed());
    m.put("fingerprint", cfg.fingerprint());
    m.put("model_format", dev.paddock.trainer.model.ModelCard.FORMAT);
    return m;
  }
}
