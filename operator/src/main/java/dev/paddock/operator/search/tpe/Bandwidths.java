package dev.paddock.operator.search.tpe;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Kernel widths for one numeric dimension, as Optuna computes them. */
final class Bandwidths {
  private static final double SIGMA0_MAGNITUDE = 0.2;

  private Bandwidths() {}

  /**
   * Widths for the {@code n} observation kernels followed by the prior kernel (width = range).
   * Multivariate: one Scott-like width for all kernels, shrinking with n. Univariate: each kernel
   * as wide as the larger gap to its neighbours (the prior's centre counted as a neighbour). Either
   * way clipped to [range / min(100, n + 2), range] ("magic clip") so no kernel collapses.
   */
  static double[] of(
      double[] observed, double low, double high, boolean multivariate, int spaceDimensions) {
    int n = observed.length;
    double range = high - low;
    double[] sigma =
        multivariate ? scott(n, range, spaceDimensions) : neighbourGaps(observed, low, high);
    double minSigma = range / Math.min(100.0, n + 2.0);
    double[] result = new double[n + 1];
    for (int i = 0; i < n; i++) {
      result[i] = Math.max(minSigma, Math.min(range, sigma[i]));
    }
    result[n] = range;
    return result;
  }

  private static double[] scott(int n, double range, int spaceDimensions) {
    double width =
        SIGMA0_MAGNITUDE * StrictMath.pow(Math.max(n, 1), -1.0 / (spaceDimensions + 4)) * range;
    double[] sigma = new double[n];
    Arrays.fill(sigma, width);
    return sigma;
  }

  private static double[] neighbourGaps(double[] observed, double low, double high) {
    int n = observed.length;
    double[] withPrior = Arrays.copyOf(observed, n + 1);
    withPrior[n] = 0.5 * (low + high);
    Integer[] order =
        IntStream.range(0, n + 1)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> withPrior[i]).thenComparing(i -> i))
            .toArray(Integer[]::new);
    double[] ends = new double[n + 3];
    ends[0] = low;
    ends[n + 2] = high;
    for (int i = 0; i <= n; i++) {
      ends[i + 1] = withPrior[order[i]];
    }
    double[] sorted = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      sorted[i] = Math.max(ends[i + 1] - ends[i], ends[i + 2] - ends[i + 1]);
    }
    if (ends.length >= 4) {
      sorted[0] = ends[2] - ends[1];
      sorted[n] = ends[n + 1] - ends[n];
    }
    double[] sigma = new double[n];
    for (int i = 0; i <= n; i++) {
      if (order[i] < n) {
        sigma[order[i]] = sorted[i];
      }
    }
    return sigma;
  }
}
