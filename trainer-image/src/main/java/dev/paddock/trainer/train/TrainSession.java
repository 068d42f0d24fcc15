package dev.paddock.trainer.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import dev.paddock.trainer.config.Hyperparams;
import dev.paddock.trainer.data.Dataset;
import dev.paddock.trainer.data.LabelSpec;
import dev.paddock.trainer.metrics.MetricsCalculator;
import dev.paddock.trainer.metrics.Predictions;
import dev.paddock.trainer.metrics.ProbabilityStats;
import dev.paddock.trainer.model.MlpSpec;
import dev.paddock.trainer.model.TrainedModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model, optimizer and history of one run over one dataset: trains and evaluates epochs, saves
 * and restores checkpoints, computes backtests.
 */
final class TrainSession {

  private static final int EVAL_BATCH = 4096;

  private final Hyperparams hp;
  private final Dataset data;
  private final NDManager manager;
  private final MlpSpec spec;
  private final SequentialBlock block;
  private final Updater updater;
  private final BatchFiller filler;
  private final EpochTrainer trainer;
  private final Evaluator evaluator;
  private final MetricsCalculator calculator;
  private final LrSchedule schedule;
  private final History history = new History();

  TrainSession(Hyperparams hp, Dataset data, NDManager manager) {
    this.hp = hp;
    this.data = data;
    this.manager = manager;
    this.spec =
        new MlpSpec(
            data.features().width(),
            hp.hidden(),
            data.label().outputs(),
            hp.activation(),
            hp.dropout(),
            hp.batchNorm());
    ai.djl.engine.Engine.getInstance().setRandomSeed((int) hp.seed());
    this.block = build();
    List<Parameter> params = new ArrayList<>();
    block.getParameters().values().forEach(params::add);
    this.updater = new Updater(hp, params, manager);
    this.filler = new BatchFiller(data, Math.max(hp.batchSize(), EVAL_BATCH));
    long steps = (data.train().length + hp.batchSize() - 1) / hp.batchSize();
    this.schedule = new LrSchedule(hp, Math.max(1, steps));
    this.trainer =
        new EpochTrainer(
            data,
            block,
            updater,
            filler,
            new Losses(data.label().task(), hp.posWeight()),
            schedule,
            hp);
    this.evaluator = new Evaluator(data, block, filler, EVAL_BATCH);
    this.calculator = new MetricsCalculator(data.label(), hp.posWeight());
  }

  private SequentialBlock build() {
    return dev.paddock.trainer.model.MlpFactory.build(spec, manager);
  }

  History history() {
    return history;
  }

  long step() {
    return updater.step();
  }

  /** Trains one epoch without evaluating it (for the throughput benchmark). */
  EpochTrainer.Result trainOnly(int epoch) {
    return trainer.run(epoch, manager);
  }

  /** Trains and evaluates one epoch (1-based) and returns its metrics row. */
  Map<String, Double> epoch(int epoch) {
    EpochTrainer.Result r = trainer.run(epoch, manager);
    Predictions val = evaluator.predict(data.validation(), manager);
    Map<String, Double> row = new LinkedHashMap<>();
    row.put("epoch", (double) epoch);
    row.put("train_loss", r.trainLoss());
    row.putAll(calculator.compute(val, "val_"));
    row.put("lr", (double) schedule.at(Math.max(0, updater.step() - 1)));
    row.put("grad_norm", r.gradNorm());
    row.put("epoch_seconds", r.seconds());
    row.put("samples_per_sec", r.samples() / Math.max(1e-9, r.seconds()));
    List<Map<String, Object>> stats = new ArrayList<>();
    if (data.label().classification()) {
      for (Map<String, Object> s : ProbabilityStats.compute(val, data.label())) {
        Map<String, Object> withEpoch = new LinkedHashMap<>();
        withEpoch.put("epoch", epoch);
        withEpoch.putAll(s);
        stats.add(withEpoch);
      }
    }
    history.add(row, stats);
    return row;
  }

  /** Metrics of each holdout period, named {@code bt_<period>_<metric>}. */
  Map<String, Double> backtests() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Dataset.Holdout h : data.holdouts()) {
      Predictions p = evaluator.predict(h.rows(), manager);
      m.putAll(calculator.compute(p, "bt_" + h.period().name() + "_"));
    }
    return m;
  }

  Checkpoint checkpoint(int epoch, String fingerprint, int lastAcked) {
    return new Checkpoint(
        epoch,
        updater.step(),
        fingerprint,
        lastAcked,
        history.epochs(),
        history.probabilityStats());
  }

  byte[] weights() {
    return TrainedModel.weights(block);
  }

  byte[] optimizerState() {
    return updater.save();
  }

  /** Restores weights, optimizer and history from a checkpoint. */
  void restore(CheckpointStore.Loaded c) {
    TrainedModel.loadWeights(block, manager, c.weights());
    updater.attachGradients();
    updater.load(c.optimizer(), c.state().step(), manager);
    history.restore(c.state().history(), c.state().probabilityStats());
  }

  TrainedModel model(dev.paddock.trainer.data.FeatureSpec features, LabelSpec label) {
    return new TrainedModel(
        new dev.paddock.trainer.model.ModelCard(
            dev.paddock.trainer.model.ModelCard.FORMAT, spec, features, label),
        block);
  }
}
