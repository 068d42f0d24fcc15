package dev.paddock.trainer.metrics;

/**
 * Raw model outputs for a set of rows, with their targets and weights.
 *
 * @param outputs row-major logits (classification) or standardized values (regression)
 * @param width outputs per row
 * @param y targets: class index or standardized value
 * @param w sample weights, or null for all ones
 */
public record Predictions(float[] outputs, int width, float[] y, float[] w) {

  public int rows() {
    return y.length;
  }

  public double weight(int i) {
    return w == null ? 1.0 : w[i];
  }
}
