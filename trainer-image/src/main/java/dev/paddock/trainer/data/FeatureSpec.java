package dev.paddock.trainer.data;

import java.util.Arrays;
import java.util.List;

/**
 * How raw rows become model inputs: the feature columns and the standardization fitted on the
 * training split. Saved with the model, so serving encodes rows exactly as training did.
 *
 * @param columns feature columns in input order
 * @param mean per input position, subtracted
 * @param std per input position, divided by
 */
public record FeatureSpec(List<FeatureColumn> columns, float[] mean, float[] std) {

  public FeatureSpec {
    columns = List.copyOf(columns);
  }

  /** A spec with identity scaling. */
  public static FeatureSpec unscaled(List<FeatureColumn> columns) {
    int w = columns.stream().mapToInt(FeatureColumn::width).sum();
    float[] ones = new float[w];
    Arrays.fill(ones, 1f);
    return new FeatureSpec(columns, new float[w], ones);
  }

  /** Length of the input vector. */
  public int width() {
    return mean.length;
  }

  public FeatureSpec withScaling(float[] newMean, float[] newStd) {
    return new FeatureSpec(columns, newMean, newStd);
  }

  /** Applies the standardization in place to one encoded row. */
  public void standardize(float[] row) {
    for (int i = 0; i < row.length; i++) {
      row[i] = (row[i] - mean[i]) / std[i];
    }
  }
}
