package dev.paddock.operator.search;

/**
 * A small, fully specified random generator (SplitMix64) whose stream depends only on the study
 * seed, the trial index and a purpose.
 *
 * <p>Why not {@code java.util.Random}: the suggestion for trial {@code k} must be byte-for-byte the
 * same after an operator restart, on any JVM. Deriving each trial's generator from {@code (seed,
 * index, purpose)} means nothing has to be persisted, and batches of suggestions equal the same
 * suggestions made one at a time. All arithmetic uses {@link StrictMath}.
 */
public final class TrialRandom {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  /** Separate streams, so that e.g. filling a partial warm-start entry never shifts TPE's draws. */
  public enum Purpose {
    RANDOM,
    TPE,
    WARM_START_FILL,
    /** The Latin-hypercube order of TPE's start-up trials, per parameter (not per trial). */
    STARTUP_STRATA
  }

  private long state;
  private double spareGaussian = Double.NaN;

  private TrialRandom(long state) {
    this.state = state;
  }

  /** A generator seeded with exactly {@code seed} (for tests and benchmarks). */
  public static TrialRandom seeded(long seed) {
    return new TrialRandom(mix(seed));
  }

  /** The generator for one trial's suggestion. */
  public static TrialRandom forTrial(long studySeed, long trialIndex, Purpose purpose) {
    long h = mix(studySeed);
    h = mix(h ^ mix(trialIndex + GOLDEN_GAMMA));
    h = mix(h ^ mix(purpose.ordinal() + 0x632be59bd9b4e019L));
    return new TrialRandom(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [low, high). */
  public double nextDouble(double low, double high) {
    return low + (high - low) * nextDouble();
  }

  /** Uniform integer in [0, bound), without modulo bias. */
  public long nextLong(long bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
    while (true) {
      long r = nextLong() >>> 1;
      if (r < limit) {
        return r % bound;
      }
    }
  }

  public int nextInt(int bound) {
    return (int) nextLong(bound);
  }

  /** Standard normal, by the Box-Muller transform. */
  public double nextGaussian() {
    if (!Double.isNaN(spareGaussian)) {
      double g = spareGaussian;
      spareGaussian = Double.NaN;
      return g;
    }
    double u1 = 1.0 - nextDouble(); // (0, 1]: keeps the log finite
    double u2 = nextDouble();
    double radius = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
    double angle = 2.0 * StrictMath.PI * u2;
    spareGaussian = radius * StrictMath.sin(angle);
    return radius * StrictMath.cos(angle);
  }

  /** An index drawn with probability proportional to {@code weights} (all >= 0, sum > 0). */
  public int nextWeighted(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double target = nextDouble() * total;
    double cumulative = 0;
    for (int i = 0; i < weights.length; i++) {
      cumulative += weights[i];
      if (target < cumulative) {
        return i;
      }
    }
    for (int i = weights.length - 1; i >= 0; i--) {
      if (weights[i] > 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("weights sum to zero");
  }
}
