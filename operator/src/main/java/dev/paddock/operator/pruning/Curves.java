package dev.paddock.operator.pruning;

import dev.paddock.operator.search.CurvePoint;
import dev.paddock.operator.search.Direction;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.OptionalDouble;

/** Reading learning curves (sorted by epoch, possibly downsampled) at a given epoch. */
final class Curves {
  private Curves() {}

  /** The best value reported at or before {@code epoch}. */
  static OptionalDouble bestUpTo(List<CurvePoint> curve, int epoch, Direction direction) {
    OptionalDouble best = OptionalDouble.empty();
    for (CurvePoint p : curve) {
      if (p.epoch() > epoch) {
        break;
      }
      if (best.isEmpty() || direction.isBetter(p.value(), best.getAsDouble())) {
        best = OptionalDouble.of(p.value());
      }
    }
    return best;
  }

  /** The mean of the values reported at or before {@code epoch} (Katib's running average). */
  static OptionalDouble runningAverageUpTo(List<CurvePoint> curve, int epoch) {
    double sum = 0;
    int n = 0;
    for (CurvePoint p : curve) {
      if (p.epoch() > epoch) {
        break;
      }
      sum += p.value();
      n++;
    }
    return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
  }

  /** The value of the first point at or after {@code epoch}: what the trial showed at a rung. */
  static OptionalDouble valueAtOrAfter(List<CurvePoint> curve, int epoch) {
    for (CurvePoint p : curve) {
      if (p.epoch() >= epoch) {
        return OptionalDouble.of(p.value());
      }
    }
    return OptionalDouble.empty();
  }

  /** A number for a reason: four significant digits, plain, locale-independent. */
  static String format(double value) {
    if (value == 0 || !Double.isFinite(value)) {
      return value == 0 ? "0" : Double.toString(value);
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros();
    double magnitude = Math.abs(value);
    return magnitude >= 1e-4 && magnitude < 1e7 ? rounded.toPlainString() : rounded.toString();
  }
}
