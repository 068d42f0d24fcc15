package dev.paddock.operator.search.tpe;

import dev.paddock.operator.search.TrialRandom;
import java.util.Arrays;
import java.util.List;

/**
 * A mixture with one kernel per observation plus a flat prior kernel, over some dimensions of the
 * search space (all of them in multivariate mode, one in univariate mode). Follows Optuna's {@code
 * _ParzenEstimator} (5.x): age-ramped weights, neighbour-gap bandwidths per dimension, magic
 * clipping, truncated-normal kernels for numbers and smoothed one-hot kernels for choices.
 */
final class ParzenEstimator {
  private static final double LOG_SQRT_2PI = 0.5 * StrictMath.log(2 * StrictMath.PI);

  private final List<Dimension> dims;
  private final double[] weights;
  private final double[] logWeights;
  private final double[][] mus;
  private final double[][] sigmas;

  /** Per continuous dimension and kernel: log(sigma), computed once. */
  private final double[][] logSigmas;

  /** Per continuous dimension and kernel: the log of the kernel's mass inside [low, high]. */
  private final double[][] logInside;

  /** Per discrete dimension: its kernels, grouped by (centre, width), scored on intervals. */
  private final DiscreteKernels[] discrete;

  /** Per categorical dimension, choice and kernel: the log probability. */
  private final double[][][] logChoice;

  /** Scratch for the per-kernel terms of {@link #logDensity}. */
  private final double[] terms;

  /**
   * @param observations model vectors over the whole space, oldest trial first
   * @param which the vector positions of {@code dims}
   */
  ParzenEstimator(
      List<double[]> observations, int[] which, List<Dimension> dims, double priorWeight) {
    this.dims = dims;
    int n = observations.size();
    int kernels = n + 1;
    weights = kernelWeights(n, priorWeight);
    logWeights = Arrays.stream(weights).map(StrictMath::log).toArray();
    mus = new double[dims.size()][];
    sigmas = new double[dims.size()][];
    logInside = new double[dims.size()][];
    logChoice = new double[dims.size()][][];
    logSigmas = new double[dims.size()][];
    discrete = new DiscreteKernels[dims.size()];
    terms = new double[kernels];
    for (int d = 0; d < dims.size(); d++) {
      double[] column = new double[n];
      for (int i = 0; i < n; i++) {
        column[i] = observations.get(i)[which[d]];
      }
      if (dims.get(d).categorical()) {
        logChoice[d] = choiceKernels(column, dims.get(d).choices(), priorWeight);
      } else {
        Dimension dim = dims.get(d);
        mus[d] = Arrays.copyOf(column, kernels);
        mus[d][n] = 0.5 * (dim.low() + dim.high());
        sigmas[d] = Bandwidths.of(column, dim.low(), dim.high());
        if (dim.discrete()) {
          discrete[d] = new DiscreteKernels(mus[d], sigmas[d], dim.low(), dim.high());
        } else {
          continuous(d, dim);
        }
      }
    }
  }

  /** Per kernel of a continuous dimension: its log mass inside the axis, and log(sigma). */
  private void continuous(int d, Dimension dim) {
    int kernels = weights.length;
    logInside[d] = new double[kernels];
    for (int k = 0; k < kernels; k++) {
      logInside[d][k] =
          TruncatedNormal.logMass(
              (dim.low() - mus[d][k]) / sigmas[d][k], (dim.high() - mus[d][k]) / sigmas[d][k]);
    }
    logSigmas[d] = Arrays.stream(sigmas[d]).map(StrictMath::log).toArray();
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

  /**
   * Per choice and kernel, the log probability. A kernel's row depends only on its observed choice
   * (or on being the prior), so each distinct row is computed once and shared.
   */
  private static double[][] choiceKernels(double[] observed, int choices, double priorWeight) {
    int kernels = observed.length + 1;
    double[][] log = new double[choices][kernels];
    double[][] rowByChoice = new double[choices][];
    for (int k = 0; k < kernels; k++) {
      double[] row;
      if (k < observed.length) {
        int chosen = (int) observed[k];
        if (rowByChoice[chosen] == null) {
          rowByChoice[chosen] = choiceRow(choices, priorWeight / kernels, chosen);
        }
        row = rowByChoice[chosen];
      } else {
        row = choiceRow(choices, 1.0, -1);
      }
      for (int c = 0; c < choices; c++) {
        log[c][k] = row[c];
      }
    }
    return log;
  }

  /** log of (base everywhere, plus 1 at {@code chosen} when >= 0), normalized. */
  private static double[] choiceRow(int choices, double base, int chosen) {
    double[] p = new double[choices];
    Arrays.fill(p, base);
    if (chosen >= 0) {
      p[chosen] += 1.0;
    }
    double total = Arrays.stream(p).sum();
    double[] row = new double[choices];
    for (int c = 0; c < choices; c++) {
      row[c] = StrictMath.log(p[c] / total);
    }
    return row;
  }

  /** Draws one point (model coordinates over this estimator's dimensions). */
  double[] sample(TrialRandom random) {
    int k = random.nextWeighted(weights);
    double[] x = new double[dims.size()];
    for (int d = 0; d < dims.size(); d++) {
      Dimension dim = dims.get(d);
      if (dim.categorical()) {
        double[] p = new double[logChoice[d].length];
        for (int c = 0; c < p.length; c++) {
          p[c] = StrictMath.exp(logChoice[d][c][k]);
        }
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
    System.arraycopy(logWeights, 0, terms, 0, kernels);
    for (int d = 0; d < dims.size(); d++) {
      Dimension dim = dims.get(d);
      if (dim.categorical()) {
        double[] logP = logChoice[d][(int) x[d]];
        for (int k = 0; k < kernels; k++) {
          terms[k] += logP[k];
        }
      } else if (dim.discrete()) {
        double lo = Math.max(binLow[d], dim.low());
        double hi = Math.min(binHigh[d], dim.high());
        double[] column = discrete[d].logMassTerms(lo, hi);
        for (int k = 0; k < kernels; k++) {
          terms[k] += column[k];
        }
      } else {
        addContinuous(terms, x[d], d);
      }
    }
    return logSumExp(terms);
  }

  /** Adds each kernel's log density at {@code x} on the continuous dimension {@code d}. */
  private void addContinuous(double[] terms, double x, int d) {
    double[] mu = mus[d];
    double[] sigma = sigmas[d];
    double[] logSigma = logSigmas[d];
    double[] inside = logInside[d];
    for (int k = 0; k < terms.length; k++) {
      double z = (x - mu[k]) / sigma[k];
      terms[k] += -0.5 * z * z - logSigma[k] - LOG_SQRT_2PI - inside[k];
    }
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
