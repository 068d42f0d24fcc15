package dev.paddock.operator.search.tpe;

import java.util.Comparator;
import java.util.stream.IntStream;

/** Kernel widths for one numeric dimension, as Optuna (5.x) computes them. */
final class Bandwidths {

  private Bandwidths() {}

  /**
   * Widths for the {@code n} observation kernels followed by the prior kernel (width = range). Each
   * observation's kernel is as wide as the larger gap to its neighbours among the observations, the
   * axis ends counted as neighbours, except that the lowest and the highest observation look only
   * inwards (endpoints not considered). Then clipped to [range / min(100, n + 2), range] ("magic
   * clip": n + 1 kernels, plus one) so that no kernel collapses.
   *
   * <p>The same rule holds in multivariate mode: each dimension of a joint kernel takes its own
   * neighbour-gap width (Optuna 5 dropped the Scott-like width that shrank with n). With few
   * observations in the good group the gaps are wide and l(x) explores; as the group fills up the
   * widths follow the spacing of the good points, so l(x) concentrates where they cluster.
   */
  static double[] of(double[] observed, double low, double high) {
    int n = observed.length;
    double range = high - low;
    double[] sigma = neighbourGaps(observed, low, high);
    double minSigma = range / Math.min(100.0, n + 2.0);
    double[] result = new double[n + 1];
    for (int i = 0; i < n; i++) {
      result[i] = Math.max(minSigma, Math.min(range, sigma[i]));
    }
    result[n] = range;
    return result;
  }

  private static double[] neighbourGaps(double[] observed, double low, double high) {
    int n = observed.length;
    int[] order =
        IntStream.range(0, n)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> observed[i]).thenComparing(i -> i))
            .mapToInt(Integer::intValue)
            .toArray();
    // The sorted observations between the two axis ends.
    double[] ends = new double[n + 2];
    ends[0] = low;
    ends[n + 1] = high;
    for (int i = 0; i < n; i++) {
      ends[i + 1] = observed[order[i]];
    }
    double[] sorted = new double[n];
    for (int i = 0; i < n; i++) {
      sorted[i] = Math.max(ends[i + 1] - ends[i], ends[i + 2] - ends[i + 1]);
    }
    if (n >= 2) {
      sorted[0] = ends[2] - ends[1];
      sorted[n - 1] = ends[n] - ends[n - 1];
    }
    double[] sigma = new double[n];
    for (int i = 0; i < n; i++) {
      sigma[order[i]] = sorted[i];
    }
    return sigma;
  }
}
