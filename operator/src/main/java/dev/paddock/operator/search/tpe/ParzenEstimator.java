package dev.paddock.operator.search.tpe;

import dev.paddock.operator.search.TrialRandom;
import java.util.Arrays;
import java.util.List;

/**
 * A mixture with one kernel per observation plus a flat prior kernel, over some dimensions of the
 * search space (all of them in multivariate mode, one in univariate mode). Follows Optuna's {@code
 * _ParzenEstimator}: age-ramped weights, neighbour or Scott-like bandwidths, magic clipping,
 * truncated-normal kernels for numbers and smoothed one-hot kernels for choices.
 */
final class ParzenEstimator {
  private static final double LOG_SQRT_2PI = 0.5 * StrictMath.log(2 * StrictMath.PI);

  private final List<Dimension> dims;
  private final double[] weights;
  private final double[] logWeights;
  private final double[][] mus;
  private final double[][] sigmas;

  /** Per dimension and kernel: the log of the kernel's mass inside [low, high]. */
  private final double[][] logInside;

  /** Per categorical dimension, kernel and choice: the log probability. */
  private final double[][][] logChoice;

  /**
   * @param observations model vectors over {@code dims}, oldest trial first
   * @param spaceDimensions the number of parameters in the whole space (multivariate bandwidth)
   */
  ParzenEstimator(
      List<double[]> observations,
      List<Dimension> dims,
      double priorWeight,
      boolean multivariate,
      int spaceDimensions) {
    this.dims = dims;
    int n = observations.size();
    int kernels = n + 1;
    weights = kernelWeights(n, priorWeight);
    logWeights = Arrays.stream(weights).map(StrictMath::log).toArray();
    mus = new double[dims.size()][];
    sigmas = new double[dims.size()][];
    logInside = new double[dims.size()][];
    logChoice = new double[dims.size()][][];
    for (int d = 0; d < dims.size(); d++) {
      double[] column = new double[n];
      for (int i = 0; i < n; i++) {
        column[i] = observations.get(i)[d];
      }
      if (dims.get(d).categorical()) {
        logChoice[d] = choiceKernels(column, dims.get(d).choices(), priorWeight);
      } else {
        Dimension dim = dims.get(d);
        mus[d] = Arrays.copyOf(column, kernels);
        mus[d][n] = 0.5 * (dim.low() + dim.high());
        sigmas[d] = Bandwidths.of(column, dim.low(), dim.high(), multivariate, spaceDimensions);
        logInside[d] = new double[kernels];
        for (int k = 0; k < kernels; k++) {
          logInside[d][k] =
              TruncatedNormal.logMass(
                  (dim.low() - mus[d][k]) / sigmas[d][k], (dim.high() - mus[d][k]) / sigmas[d][k]);
        }
      }
    }
  }

  /** Optuna's default weights: flat for the 25 newest observations, a ramp before them. */
  static double[] kernelWeights(int n, double priorWeight) {
    double[] w = new double[n + 1];
    int ramp = Math.max(0, n - 25);
    for (int i = 0; i < n; i++) {
      if (i < ramp) {
        w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * i / (ramp - 1);
      } else {
        w[i] = 1.0;
      }
    }
    w[n] = priorWeight;
    double total = Arrays.stream(w).sum();
    for (int i = 0; i <= n; i++) {
      w[i] /= total;
    }
    return w;
  }

  private static double[][] choiceKernels(double[] observed, int choices, double priorWeight) {
    int kernels = observed.length + 1;
    double[][] log = new double[kernels][choices];
    for (int k = 0; k < kernels; k++) {
      double[] p = new double[choices];
      Arrays.fill(p, k < observed.length ? priorWeight / kernels : 1.0);
      if (k < observed.length) {
        p[(int) observed[k]] += 1.0;
      }
      double total = Arrays.stream(p).sum();
      for (int c = 0; c < choices; c++) {
        log[k][c] = StrictMath.log(p[c] / total);
      }
    }
    return log;
  }

  /** Draws one point (model coordinates over this estimator's dimensions). */
  double[] sample(TrialRandom random) {
    int k = random.nextWeighted(weights);
    double[] x = new double[dims.size()];
    for (int d = 0; d < dims.size(); d++) {
      Dimension dim = dims.get(d);
      if (dim.categorical()) {
        double[] p = Arrays.stream(logChoice[d][k]).map(StrictMath::exp).toArray();
        x[d] = random.nextWeighted(p);
      } else {
        x[d] = TruncatedNormal.sample(random, mus[d][k], sigmas[d][k], dim.low(), dim.high());
      }
    }
    return x;
  }

  /**
   * The log density (log mass for discrete dimensions) of a point already snapped to valid values.
   *
   * @param binLow per discrete dimension, the lower end of the point's rounding interval
   * @param binHigh per discrete dimension, the upper end
   */
  double logDensity(double[] x, double[] binLow, double[] binHigh) {
    int kernels = weights.length;
    double[] terms = logWeights.clone();
    for (int d = 0; d < dims.size(); d++) {
      Dimension dim = dims.get(d);
      if (dim.categorical()) {
        int c = (int) x[d];
        for (int k = 0; k < kernels; k++) {
          terms[k] += logChoice[d][k][c];
        }
      } else if (dim.discrete()) {
        double lo = Math.max(binLow[d], dim.low());
        double hi = Math.min(binHigh[d], dim.high());
        for (int k = 0; k < kernels; k++) {
          double inv = 1.0 / sigmas[d][k];
          double mass = TruncatedNormal.logMass((lo - mus[d][k]) * inv, (hi - mus[d][k]) * inv);
          terms[k] += mass - logInside[d][k];
        }
      } else {
        for (int k = 0; k < kernels; k++) {
          double z = (x[d] - mus[d][k]) / sigmas[d][k];
          terms[k] += -0.5 * z * z - StrictMath.log(sigmas[d][k]) - LOG_SQRT_2PI - logInside[d][k];
        }
      }
    }
    return logSumExp(terms);
  }

  private static double logSumExp(double[] terms) {
    double max = Double.NEGATIVE_INFINITY;
    for (double t : terms) {
      max = Math.max(max, t);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (double t : terms) {
      sum += StrictMath.exp(t - max);
    }
    return max + StrictMath.log(sum);
  }
}
