package dev.paddock.operator.studyreport;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;

/** Locale-independent number and duration text for reports. */
final class Numbers {
  private Numbers() {}

  /** Four significant digits, trailing zeros dropped; {@code —} for null or non-finite. */
  static String format(Double value) {
    return format(value, 4);
  }

  /** {@code digits} significant digits, plain when {@code 1e-4 <= |x| < 1e7}. */
  static String format(Double value, int digits) {
    if (value == null || !Double.isFinite(value)) {
      return "—";
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal rounded =
        new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN));
    BigDecimal stripped = rounded.stripTrailingZeros();
    double magnitude = Math.abs(value);
    if (magnitude >= 1e-4 && magnitude < 1e7) {
      return stripped.toPlainString();
    }
    return stripped.toString().replace("E+", "e").replace("E", "e");
  }

  /** A share as a percentage with one decimal, e.g. {@code 42.5%}. */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** A duration as {@code 1h 02m 03s}, {@code 4m 05s} or {@code 6s}. */
  static String duration(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    long rest = seconds % 60;
    if (hours > 0) {
      return String.format(Locale.ROOT, "%dh %02dm %02ds", hours, minutes, rest);
    }
    if (minutes > 0) {
      return String.format(Locale.ROOT, "%dm %02ds", minutes, rest);
    }
    return rest + "s";
  }

  /** Coordinates in SVG: two decimals at most, no exponent. */
  static String coordinate(double value) {
    if (!Double.isFinite(value)) {
      return "0";
    }
    String text = String.format(Locale.ROOT, "%.2f", value);
    text = text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    return "-0".equals(text) ? "0" : text;
  }
}
