package dev.paddock.trainer.data;

import dev.paddock.trainer.util.TrainerException;
import java.util.Arrays;
import java.util.List;

/**
 * Assigns each row to training, validation or a holdout period. Random splits hash the row index
 * with the seed (no state, same answer in every pass); time splits validate on the latest rows.
 */
public final class SplitAssigner {

  public static final byte TRAIN = 0;
  public static final byte VALIDATION = 1;

  /** Holdout {@code k} is stored as {@code HOLDOUT_BASE + k}. */
  public static final byte HOLDOUT_BASE = 2;

  private SplitAssigner() {}

  /** Returns one byte per row. {@code times} may be null when no time column is given. */
  public static byte[] assign(
      int rows,
      String split,
      double valFraction,
      long seed,
      double[] times,
      List<HoldoutPeriod> holdouts) {
    if (!holdouts.isEmpty() && times == null) {
      throw TrainerException.user("--holdout needs --time-column");
    }
    if (holdouts.size() > 100) {
      throw TrainerException.user("at most 100 holdout periods");
    }
    byte[] part = new byte[rows];
    for (int i = 0; i < rows; i++) {
      part[i] = TRAIN;
      for (int k = 0; k < holdouts.size(); k++) {
        if (holdouts.get(k).contains(times[i])) {
          part[i] = (byte) (HOLDOUT_BASE + k);
          break;
        }
      }
    }
    switch (split == null ? "random" : split) {
      case "random" -> random(part, valFraction, seed);
      case "time" -> byTime(part, valFraction, times);
      default -> throw TrainerException.user("--split '" + split + "' is not random or time");
    }
    return part;
  }

  private static void random(byte[] part, double valFraction, long seed) {
    for (int i = 0; i < part.length; i++) {
      if (part[i] == TRAIN && uniform(seed, i) < valFraction) {
        part[i] = VALIDATION;
      }
    }
  }

  private static void byTime(byte[] part, double valFraction, double[] times) {
    if (times == null) {
      throw TrainerException.user("--split time needs --time-column");
    }
    double[] candidate =
        java.util.stream.IntStream.range(0, part.length)
            .filter(i -> part[i] == TRAIN)
            .mapToDouble(i -> times[i])
            .toArray();
    if (candidate.length == 0) {
      throw TrainerException.user("the holdout periods cover every row: nothing left to train on");
    }
    Arrays.sort(candidate);
    double cutoff =
        candidate[(int) Math.min(candidate.length - 1, (1 - valFraction) * candidate.length)];
    if (cutoff <= candidate[0]) {
      throw TrainerException.user(
          "--split time: every row has the same time, cannot split by time");
    }
    for (int i = 0; i < part.length; i++) {
      if (part[i] == TRAIN && times[i] >= cutoff) {
        part[i] = VALIDATION;
      }
    }
  }

  /** A deterministic uniform draw in [0, 1) for a row. */
  static double uniform(long seed, long row) {
    long z = seed * 0x9E3779B97F4A7C15L + row + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }
}
