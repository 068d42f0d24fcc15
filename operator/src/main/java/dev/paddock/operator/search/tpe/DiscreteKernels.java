package dev.paddock.operator.search.tpe;

import java.util.HashMap;
import java.util.Map;

/**
 * The kernels of one discrete dimension of a {@link ParzenEstimator}, scored on rounding intervals.
 * Observations of a discrete parameter take few distinct values, so thousands of kernels share a
 * few (centre, width) pairs: the truncated-normal masses are computed once per distinct pair (and
 * per interval a candidate falls in), then spread to the kernels. Same inputs, same arithmetic,
 * same results as computing each kernel on its own.
 */
final class DiscreteKernels {
  private final int[] kindOf;
  private final double[] mu;
  private final double[] inverseSigma;
  private final double[] logInside;
  private final Map<Bin, double[]> columns = new HashMap<>();

  private record Kind(long muBits, long sigmaBits) {}

  private record Bin(double low, double high) {}

  /**
   * @param mus per kernel, the centre on the model axis
   * @param sigmas per kernel, the width
   * @param low lower end of the model axis
   * @param high upper end of the model axis
   */
  DiscreteKernels(double[] mus, double[] sigmas, double low, double high) {
    kindOf = new int[mus.length];
    Map<Kind, Integer> kinds = new HashMap<>();
    for (int k = 0; k < mus.length; k++) {
      Kind kind = new Kind(Double.doubleToLongBits(mus[k]), Double.doubleToLongBits(sigmas[k]));
      kindOf[k] = kinds.computeIfAbsent(kind, key -> kinds.size());
    }
    mu = new double[kinds.size()];
    inverseSigma = new double[kinds.size()];
    logInside = new double[kinds.size()];
    double[] sigma = new double[kinds.size()];
    for (int k = 0; k < mus.length; k++) {
      mu[kindOf[k]] = mus[k];
      sigma[kindOf[k]] = sigmas[k];
    }
    for (int j = 0; j < mu.length; j++) {
      inverseSigma[j] = 1.0 / sigma[j];
      logInside[j] = TruncatedNormal.logMass((low - mu[j]) / sigma[j], (high - mu[j]) / sigma[j]);
    }
  }

  /**
   * Per kernel, the log of its mass on [binLow, binHigh] relative to its mass on the whole axis;
   * cached per interval (a few candidates share each value).
   */
  double[] logMassTerms(double binLow, double binHigh) {
    return columns.computeIfAbsent(new Bin(binLow, binHigh), this::compute);
  }

  private double[] compute(Bin bin) {
    double[] byKind = new double[mu.length];
    for (int j = 0; j < mu.length; j++) {
      double a = (bin.low() - mu[j]) * inverseSigma[j];
      double b = (bin.high() - mu[j]) * inverseSigma[j];
      byKind[j] = TruncatedNormal.logMass(a, b) - logInside[j];
    }
    double[] column = new double[kindOf.length];
    for (int k = 0; k < column.length; k++) {
      column[k] = byKind[kindOf[k]];
    }
    return column;
  }
}
