package dev.paddock.contract.metrics;

import java.util.Locale;
import java.util.regex.Pattern;

/** Numbers as training scripts print them: Python's and C's spellings of NaN and infinity too. */
final class Numbers {

  /** A decimal number, or nan / inf / infinity in any case, with an optional sign. */
  static final String PATTERN =
      "[-+]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?|(?i:nan|inf(?:inity)?))";

  private static final Pattern NUMBER = Pattern.compile(PATTERN);

  private Numbers() {}

  /** The value, or null when {@code text} is not a number. */
  static Double parse(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    if (!NUMBER.matcher(t).matches()) {
      return null;
    }
    String unsigned = t.replaceFirst("^[-+]", "").toLowerCase(Locale.ROOT);
    if (unsigned.equals("nan")) {
      return Double.NaN;
    }
    if (unsigned.startsWith("inf")) {
      return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(t);
  }

  /** The epoch a value names: a whole number (3 or 3.0), or null. */
  static Integer epoch(Double value) {
    if (value == null || !Double.isFinite(value) || value != Math.rint(value)) {
      return null;
    }
    if (value < 0 || value > Integer.MAX_VALUE) {
      return null;
    }
    return value.intValue();
  }
}
