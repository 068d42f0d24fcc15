package dev.paddock.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import dev.paddock.trainer.data.LabelSpec;

/**
 * The training losses, as NDArray expressions on the batch: binary cross-entropy on logits (with
 * {@code pos_weight}), softmax cross-entropy on one-hot targets, squared error. With weights, the
 * weighted mean {@code sum(w*l)/sum(w)}.
 */
public final class Losses {

  private final String task;
  private final float posWeight;

  public Losses(String task, float posWeight) {
    this.task = task;
    this.posWeight = posWeight;
  }

  /**
   * @param out model outputs (B, outputs)
   * @param y targets (B, 1), or one-hot (B, K) for multiclass
   * @param w weights (B, 1) or null
   * @param weightSum sum of {@code w} (ignored without weights)
   */
  public NDArray loss(NDArray out, NDArray y, NDArray w, float weightSum) {
    NDArray perRow =
        switch (task) {
          case LabelSpec.BINARY -> binary(out, y);
          case LabelSpec.MULTICLASS -> out.logSoftmax(1).mul(y).sum(new int[] {1}, true).neg();
          default -> out.sub(y).square();
        };
    return w == null ? perRow.mean() : perRow.mul(w).sum().div(weightSum);
  }

  private NDArray binary(NDArray z, NDArray y) {
    if (posWeight == 1f) {
      return Activation.softPlus(z).sub(z.mul(y));
    }
    NDArray negY = y.neg().add(1f);
    return z.mul(negY).add(Activation.softPlus(z.neg()).mul(y.mul(posWeight - 1f).add(1f)));
  }
}
