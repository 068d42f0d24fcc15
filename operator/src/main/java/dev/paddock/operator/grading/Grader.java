package dev.paddock.operator.grading;

import dev.paddock.operator.search.Direction;
import java.util.List;

/**
 * Letter grades for finished trials.
 *
 * <p>Thresholds mode: the best grade whose threshold the value reaches; for {@code maximize} that
 * means {@code value >= threshold} and thresholds must descend S to D, for {@code minimize} {@code
 * value <= threshold} and they must ascend. A value exactly on a threshold earns it.
 *
 * <p>Percentile mode: the share p of the study's finished trials that are strictly better than this
 * one (ties share the better rank); S when p < 1%, A < 10%, B < 25%, C < 50%, D < 75%, else F. The
 * study's best trial is always S; grades may drift as the study grows, so grade at finish time.
 */
public final class Grader {
  /** Upper bounds of p for S, A, B, C, D. */
  static final double[] PERCENTILE_CUTS = {0.01, 0.10, 0.25, 0.50, 0.75};

  private Grader() {}

  /**
   * @param value the trial's graded metric
   * @param others the graded metric of the study's other finished trials (percentile mode only)
   */
  public static Grade grade(
      GradingSpec spec, Direction direction, double value, List<Double> others) {
    if (Double.isNaN(value)) {
      return Grade.F;
    }
    return spec.mode() == GradingSpec.Mode.THRESHOLDS
        ? byThreshold(spec, direction, value)
        : byPercentile(direction, value, others);
  }

  /** Rejects thresholds that do not get stricter from D to S in the study's direction. */
  public static void validate(GradingSpec spec, Direction direction) {
    Double previous = null;
    Grade previousGrade = null;
    for (Grade g : Grade.values()) {
      Double t = spec.thresholds().get(g);
      if (t == null) {
        continue;
      }
      if (previous != null && direction.isBetter(t, previous)) {
        throw new IllegalArgumentException(
            "grading.thresholds must get stricter from D to S for "
                + direction.apiName()
                + ": "
                + g
                + " ("
                + t
                + ") is better than "
                + previousGrade
                + " ("
                + previous
                + ")");
      }
      previous = t;
      previousGrade = g;
    }
  }

  private static Grade byThreshold(GradingSpec spec, Direction direction, double value) {
    validate(spec, direction);
    for (Grade g : Grade.values()) {
      Double t = spec.thresholds().get(g);
      if (t != null && !direction.isWorse(value, t)) {
        return g;
      }
    }
    return Grade.F;
  }

  private static Grade byPercentile(Direction direction, double value, List<Double> others) {
    long better = others.stream().filter(o -> o != null && direction.isBetter(o, value)).count();
    long n = others.stream().filter(o -> o != null && !o.isNaN()).count() + 1;
    double p = (double) better / n;
    for (int i = 0; i < PERCENTILE_CUTS.length; i++) {
      if (p < PERCENTILE_CUTS[i]) {
        return Grade.values()[i];
      }
    }
    return Grade.F;
  }
}
