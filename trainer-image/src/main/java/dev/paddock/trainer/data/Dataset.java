package dev.paddock.trainer.data;

import java.util.List;

/**
 * An encoded, standardized table ready for training: inputs, targets, sample weights and the row
 * indices of each split.
 *
 * @param features the feature spec, standardization included
 * @param label the label spec (regression targets standardized with its mean and std)
 * @param x the inputs, one row per table row
 * @param y targets: class index for classification, standardized value for regression
 * @param weights per-row sample weights, or null when every weight is 1
 * @param train training row indices
 * @param validation validation row indices
 * @param holdouts named holdout periods and their rows
 * @param source where the data came from
 */
public record Dataset(
    FeatureSpec features,
    LabelSpec label,
    FloatMatrix x,
    float[] y,
    float[] weights,
    int[] train,
    int[] validation,
    List<Holdout> holdouts,
    String source)
    implements AutoCloseable {

  /** A holdout period's rows. */
  public record Holdout(HoldoutPeriod period, int[] rows) {}

  @Override
  public void close() {
    x.close();
  }
}
