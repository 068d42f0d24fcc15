package dev.paddock.operator.search;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The canonical, locale-independent text of parameter values.
 *
 * <p>Values travel as strings (Trial spec, environment, JSON), and the samplers compare them as
 * strings, so each value has exactly one spelling:
 *
 * <ul>
 *   <li>integers: {@link Long#toString(long)}, e.g. {@code 256}, {@code -3};
 *   <li>floats: at most {@value #SIGNIFICANT_DIGITS} significant digits, trailing zeros removed,
 *       plain notation when {@code 1e-6 <= |x| < 1e9} ({@code 0.00031}, {@code 2.5}, {@code 3}),
 *       otherwise {@code BigDecimal} scientific notation ({@code 1.5E-7}, {@code 2E+9}); zero is
 *       {@code 0}. Every form parses with Java's {@code Double.parseDouble} and Python's {@code
 *       float}.
 * </ul>
 *
 * <p>Rounding goes through {@link BigDecimal} from the exact binary value, so the text is the same
 * on every JVM and platform.
 */
public final class ValueFormat {
  /** Six digits: far finer than any hyperparameter needs, short enough to read. */
  public static final int SIGNIFICANT_DIGITS = 6;

  private ValueFormat() {}

  /** The canonical text of a float, rounded half-even to six significant digits. */
  public static String formatFloat(double value) {
    return formatFloat(value, RoundingMode.HALF_EVEN);
  }

  /** The canonical text of a float rounded with {@code mode} (used to stay inside bounds). */
  public static String formatFloat(double value, RoundingMode mode) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    if (value == 0.0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(SIGNIFICANT_DIGITS, mode));
    return formatDecimal(rounded);
  }

  /** The canonical text of an exact decimal (used for stepped floats). */
  public static String formatDecimal(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    BigDecimal stripped = value.stripTrailingZeros();
    double magnitude = stripped.abs().doubleValue();
    if (magnitude >= 1e-6 && magnitude < 1e9) {
      return stripped.toPlainString();
    }
    return stripped.toString();
  }

  /** The canonical text of an integer. */
  public static String formatInt(long value) {
    return Long.toString(value);
  }

  /**
   * True when {@code text} is already the canonical spelling of its float, read without rounding:
   * plain notation ({@code -?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?}), at most {@value
   * #SIGNIFICANT_DIGITS} significant digits, and a magnitude in [1e-6, 1e9). Then {@code
   * formatFloat(parseFloat(text))} gives back {@code text}: the nearest double is far closer to the
   * decimal than half a unit of its sixth digit, so rounding restores the decimal. It spares the
   * exact {@link BigDecimal} expansion for values that came from the samplers (nearly all).
   */
  public static boolean isCanonicalPlain(String text, double value) {
    double magnitude = Math.abs(value);
    if (!(magnitude >= 1e-6 && magnitude < 1e9)) {
      return false;
    }
    int start = text.startsWith("-") ? 1 : 0;
    int point = text.indexOf('.', start);
    int intEnd = point < 0 ? text.length() : point;
    if (intEnd == start || !digits(text, start, intEnd)) {
      return false;
    }
    boolean zeroInt = intEnd - start == 1 && text.charAt(start) == '0';
    if (!zeroInt && text.charAt(start) == '0') {
      return false;
    }
    if (point < 0) {
      int trailing = 0;
      while (trailing < intEnd - start - 1 && text.charAt(intEnd - 1 - trailing) == '0') {
        trailing++;
      }
      return intEnd - start - trailing <= SIGNIFICANT_DIGITS;
    }
    int end = text.length();
    if (end == point + 1 || !digits(text, point + 1, end) || text.charAt(end - 1) == '0') {
      return false;
    }
    if (!zeroInt) {
      return (intEnd - start) + (end - point - 1) <= SIGNIFICANT_DIGITS;
    }
    int first = point + 1;
    while (text.charAt(first) == '0') {
      first++;
    }
    return end - first <= SIGNIFICANT_DIGITS;
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Parses a float written in any common notation; rejects NaN and infinities. */
  public static double parseFloat(String text) {
    double value;
    try {
      value = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: '" + text + "'", e);
    }
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("not a finite number: '" + text + "'");
    }
    return value;
  }

  /** Parses an integer; accepts an integral float spelling such as {@code 256.0} or {@code 1e3}. */
  public static long parseInt(String text) {
    String trimmed = text.trim();
    try {
      return Long.parseLong(trimmed);
    } catch (NumberFormatException e) {
      try {
        return new BigDecimal(trimmed).longValueExact();
      } catch (NumberFormatException | ArithmeticException notIntegral) {
        throw new IllegalArgumentException("not an integer: '" + text + "'", notIntegral);
      }
    }
  }
}
