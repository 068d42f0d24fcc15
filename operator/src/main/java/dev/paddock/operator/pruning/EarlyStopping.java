package dev.paddock.operator.pruning;

import java.util.Locale;
import java.util.Objects;

/**
 * {@code spec.earlyStopping}.
 *
 * @param minTrials median: completed trials needed before any stop; ASHA: trials that must have
 *     reached a rung (this one included) before it can stop anyone there (0 = Optuna's behaviour)
 * @param startEpoch no stop before this epoch (both rules)
 * @param asha ASHA's settings (defaults when null)
 */
public record EarlyStopping(Algorithm algorithm, int minTrials, int startEpoch, Asha asha) {

  /** {@code earlyStopping.algorithm}. */
  public enum Algorithm {
    NONE,
    MEDIAN,
    ASHA;

    public static Algorithm parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "earlyStopping.algorithm must be none, median or asha, not '" + text + "'", e);
      }
    }
  }

  /**
   * {@code earlyStopping.asha}: rungs at {@code minEpochs * reductionFactor^k}; at each rung only
   * the top {@code 1 / reductionFactor} go on.
   */
  public record Asha(int minEpochs, int reductionFactor) {
    public static final Asha DEFAULTS = new Asha(1, 3);

    public Asha {
      if (minEpochs < 1) {
        throw new IllegalArgumentException("asha.minEpochs must be >= 1, got " + minEpochs);
      }
      if (reductionFactor < 2) {
        throw new IllegalArgumentException(
            "asha.reductionFactor must be >= 2, got " + reductionFactor);
      }
    }
  }

  public static final EarlyStopping NONE_SPEC = new EarlyStopping(Algorithm.NONE, 0, 0, null);

  public EarlyStopping {
    Objects.requireNonNull(algorithm, "earlyStopping.algorithm");
    if (minTrials < 0) {
      throw new IllegalArgumentException("earlyStopping.minTrials must be >= 0, got " + minTrials);
    }
    if (startEpoch < 0) {
      throw new IllegalArgumentException(
          "earlyStopping.startEpoch must be >= 0, got " + startEpoch);
    }
    asha = Objects.requireNonNullElse(asha, Asha.DEFAULTS);
  }

  public static EarlyStopping median(int minTrials, int startEpoch) {
    return new EarlyStopping(Algorithm.MEDIAN, minTrials, startEpoch, null);
  }

  public static EarlyStopping asha(int minEpochs, int reductionFactor) {
    return new EarlyStopping(Algorithm.ASHA, 0, 0, new Asha(minEpochs, reductionFactor));
  }
}
