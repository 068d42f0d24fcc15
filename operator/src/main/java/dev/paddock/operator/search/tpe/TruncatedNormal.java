package dev.paddock.operator.search.tpe;

import dev.paddock.operator.search.TrialRandom;

/**
 * The normal distribution truncated to [low, high]: the kernel of TPE's Parzen estimators. All
 * arithmetic uses {@link StrictMath} so that scores, and therefore suggestions, are identical on
 * every JVM.
 */
final class TruncatedNormal {
  private static final double LOG_SQRT_2PI = 0.5 * StrictMath.log(2 * StrictMath.PI);
  private static final double SQRT_HALF = StrictMath.sqrt(0.5);

  private TruncatedNormal() {}

  /**
   * A draw from N(mu, sigma) restricted to [low, high]. Kernels are centred inside the interval
   * with sigma at most its width, so at least a third of the mass is inside and rejection is cheap.
   */
  static double sample(TrialRandom random, double mu, double sigma, double low, double high) {
    for (int attempt = 0; attempt < 64; attempt++) {
      double x = mu + sigma * random.nextGaussian();
      if (x >= low && x <= high) {
        return x;
      }
    }
    return random.nextDouble(low, high);
  }

  /** log of the probability mass of N(0, 1) on [a, b]. */
  static double logMass(double a, double b) {
    double width = b - a;
    if (width < 1e-2) {
      // A narrow bin: its mass is its width times the density at its centre, to O(width^3).
      return StrictMath.log(width) + logStandardPdf(0.5 * (a + b));
    }
    double mass;
    if (a >= 0) {
      mass = upperTail(a) - upperTail(b);
    } else if (b <= 0) {
      mass = upperTail(-b) - upperTail(-a);
    } else {
      mass = 1.0 - upperTail(b) - upperTail(-a);
    }
    if (mass <= 0) {
      return StrictMath.log(width) + logStandardPdf(0.5 * (a + b));
    }
    return StrictMath.log(mass);
  }

  /** log of the N(0, 1) density. */
  static double logStandardPdf(double z) {
    return -0.5 * z * z - LOG_SQRT_2PI;
  }

  /** P(Z > z) for a standard normal Z. */
  static double upperTail(double z) {
    return 0.5 * erfc(z * SQRT_HALF);
  }

  /**
   * The complementary error function (Numerical Recipes' Chebyshev fit, fractional error below
   * 1.2e-7 everywhere), accurate in the tails where 1 - erf would cancel.
   */
  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1.0 / (1.0 + 0.5 * z);
    double poly =
        -z * z
            - 1.26551223
            + t
                * (1.00002368
                    + t
                        * (0.37409196
                            + t
                                * (0.09678418
                                    + t
                                        * (-0.18628806
                                            + t
                                                * (0.27886807
                                                    + t
                                                        * (-1.13520398
                                                            + t
                                                                * (1.48851587
                                                                    + t
                                                                        * (-0.82215223
                                                                            + t
                                                                                * 0.17087277))))))));
    double ans = t * StrictMath.exp(poly);
    return x >= 0 ? ans : 2.0 - ans;
  }
}
