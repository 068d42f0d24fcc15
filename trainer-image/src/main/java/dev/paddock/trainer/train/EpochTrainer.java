package dev.paddock.trainer.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.paddock.trainer.config.Hyperparams;
import dev.paddock.trainer.data.Dataset;
import java.util.SplittableRandom;

/**
 * One pass over the training rows: shuffle (seeded by epoch, so a resumed run shuffles the same
 * way), forward, loss, backward, optional global-norm clipping, update. The loss is accumulated on
 * the device and read once per epoch.
 */
final class EpochTrainer {

  /** What one epoch measured. */
  record Result(double trainLoss, double gradNorm, long samples, double seconds) {}

  private static final int GRAD_NORM_EVERY = 16;

  private final Dataset data;
  private final Block block;
  private final Updater updater;
  private final BatchFiller filler;
  private final Losses losses;
  private final LrSchedule schedule;
  private final Hyperparams hp;
  private PtNDArray lossSeed;

  EpochTrainer(
      Dataset data,
      Block block,
      Updater updater,
      BatchFiller filler,
      Losses losses,
      LrSchedule schedule,
      Hyperparams hp) {
    this.data = data;
    this.block = block;
    this.updater = updater;
    this.filler = filler;
    this.losses = losses;
    this.schedule = schedule;
    this.hp = hp;
  }

  static long seedFor(long seed, int epoch) {
    return seed * 1_000_003L + epoch;
  }

  /** Running sums over an epoch's steps. */
  private static final class Totals {
    NDArray deviceLoss;
    double hostLoss;
    double normSum;
    int normCount;
  }

  private PtNDArray seed() {
    if (lossSeed == null) {
      lossSeed =
          (PtNDArray)
              block
                  .getParameters()
                  .get(0)
                  .getValue()
                  .getArray()
                  .getManager()
                  .ones(new ai.djl.ndarray.types.Shape());
    }
    return lossSeed;
  }

  /** Trains epoch {@code epoch} (1-based). */
  Result run(int epoch, NDManager manager) {
    long start = System.nanoTime();
    long seed = seedFor(hp.seed(), epoch);
    Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
    int[] order = shuffled(data.train(), new SplittableRandom(seed));
    int bs = hp.batchSize();
    ParameterStore ps = new ParameterStore(manager, false);
    Totals t = new Totals();
    try (NDManager epochManager = manager.newSubManager()) {
      // On a GPU the loss is summed on the device and read once per epoch (no per-step sync); on
      // the CPU, where every op is synchronous anyway, reading it per step saves two ops.
      if (manager.getDevice().isGpu()) {
        t.deviceLoss = epochManager.zeros(new ai.djl.ndarray.types.Shape());
      }
      int step = 0;
      for (int from = 0; from < order.length; from += bs, step++) {
        try (NDManager m = manager.newSubManager()) {
          step(order, from, Math.min(order.length, from + bs), step, ps, m, t);
        }
      }
      double lossSum = t.deviceLoss != null ? t.deviceLoss.getFloat() : t.hostLoss;
      double seconds = (System.nanoTime() - start) / 1e9;
      double gradNorm = t.normCount == 0 ? 0 : t.normSum / t.normCount;
      return new Result(lossSum / order.length, gradNorm, order.length, seconds);
    }
  }

  private void step(
      int[] order, int from, int to, int step, ParameterStore ps, NDManager m, Totals t) {
    NDList batch = filler.fill(order, from, to, m);
    NDArray w = batch.size() > 2 ? batch.get(2) : null;
    NDArray loss;
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray out = block.forward(ps, new NDList(batch.get(0)), true).singletonOrThrow();
      loss = losses.loss(out, batch.get(1), w, filler.weightSum());
      // the scalar loss's seed gradient: one cached array instead of two new ones per step
      JniUtils.backward((PtNDArray) loss, seed(), false, false);
    }
    // outside the collector: no autograd graph is recorded for the running sum
    if (t.deviceLoss != null) {
      t.deviceLoss.addi(loss.mul(to - from));
    } else {
      t.hostLoss += (double) loss.toFloatArray()[0] * (to - from);
    }
    float clip = hp.gradClip();
    float rescale = 1f;
    if (clip > 0 || step % GRAD_NORM_EVERY == 0) {
      double norm = Math.sqrt(updater.gradSquaredNorm(m).toFloatArray()[0]);
      t.normSum += norm;
      t.normCount++;
      if (clip > 0 && norm > clip) {
        rescale = (float) (clip / norm);
      }
    }
    updater.update(schedule.at(updater.step()), rescale, m);
  }

  private static int[] shuffled(int[] rows, SplittableRandom rnd) {
    int[] a = rows.clone();
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }
}
