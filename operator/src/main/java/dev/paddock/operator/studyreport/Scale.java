package dev.paddock.operator.studyreport;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps data values to pixels along one axis, linearly or logarithmically, and picks readable tick
 * values. A degenerate range (one value) is widened so that the value sits in the middle.
 */
final class Scale {
  private static final int TARGET_TICKS = 5;

  private final double low;
  private final double high;
  private final double pixelLow;
  private final double pixelHigh;
  private final boolean log;

  private Scale(double low, double high, double pixelLow, double pixelHigh, boolean log) {
    this.low = low;
    this.high = high;
    this.pixelLow = pixelLow;
    this.pixelHigh = pixelHigh;
    this.log = log;
  }

  /** A linear scale over [min, max], padded by {@code padding} of the range on each side. */
  static Scale linear(double min, double max, double pixelLow, double pixelHigh, double padding) {
    if (!(max > min)) {
      double half = min == 0 ? 1 : Math.abs(min) * 0.1;
      return new Scale(min - half, min + half, pixelLow, pixelHigh, false);
    }
    double pad = (max - min) * padding;
    return new Scale(min - pad, max + pad, pixelLow, pixelHigh, false);
  }

  /** A log scale over [min, max] (both > 0); falls back to linear when a value is not positive. */
  static Scale log(double min, double max, double pixelLow, double pixelHigh, double padding) {
    if (!(min > 0)) {
      return linear(min, max, pixelLow, pixelHigh, padding);
    }
    double a = Math.log10(min);
    double b = Math.log10(max);
    if (!(b > a)) {
      return new Scale(a - 0.5, a + 0.5, pixelLow, pixelHigh, true);
    }
    double pad = (b - a) * padding;
    return new Scale(a - pad, b + pad, pixelLow, pixelHigh, true);
  }

  /** The pixel of a data value. */
  double map(double value) {
    double v = log ? Math.log10(Math.max(value, Double.MIN_NORMAL)) : value;
    return pixelLow + (v - low) / (high - low) * (pixelHigh - pixelLow);
  }

  /** Readable tick values inside the range: 1-2-5 steps, or powers of ten on a log scale. */
  List<Double> ticks() {
    if (log && high - low >= 1.5) {
      List<Double> ticks = new ArrayList<>();
      double step = Math.max(1, Math.ceil((high - low) / TARGET_TICKS));
      for (double e = Math.ceil(low / step) * step; e <= high + 1e-9; e += step) {
        ticks.add(Math.pow(10, e));
      }
      return ticks;
    }
    double min = log ? Math.pow(10, low) : low;
    double max = log ? Math.pow(10, high) : high;
    return linearTicks(min, max);
  }

  static List<Double> linearTicks(double min, double max) {
    double step = niceStep((max - min) / TARGET_TICKS);
    List<Double> ticks = new ArrayList<>();
    for (double t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
      ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
      if (ticks.size() > 20) {
        break;
      }
    }
    return ticks;
  }

  /** The 1, 2 or 5 times a power of ten nearest above {@code rough}. */
  static double niceStep(double rough) {
    if (!(rough > 0) || !Double.isFinite(rough)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    double fraction = rough / magnitude;
    double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * magnitude;
  }
}
