package dev.paddock.operator.grading;

import dev.paddock.operator.search.CategoricalParameter;
import dev.paddock.operator.search.FloatParameter;
import dev.paddock.operator.search.IntParameter;
import dev.paddock.operator.search.ParameterSpec;
import dev.paddock.operator.search.ValueFormat;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Compact spellings of values inside trial codes, using only letters and digits. The rules are
 * documented in {@code operator/TRIAL_CODES.md}; in short:
 *
 * <ul>
 *   <li>int: decimal up to 99999 ({@code 1024}); multiples of 1024 from 2048 as {@code K} ({@code
 *       4096 -> 4K}), of 1024^2 from 2·1024^2 as {@code M}; larger as 2 significant digits and a
 *       power of ten ({@code 123456 -> 12X4}); negatives get a leading {@code n};
 *   <li>float (2 significant digits): {@code < 0.01} as mantissa {@code E} negative exponent
 *       ({@code 2e-6 -> 2E6}, {@code 3.1e-4 -> 31E5}); {@code [0.01, 1)} as the digits after "0."
 *       ({@code 0.98 -> 98}, {@code 0.05 -> 05}); {@code [1, 1e5)} with {@code P} for the point
 *       ({@code 2.5 -> 2P5}, {@code 3 -> 3P}); above as {@code X} ({@code 2.5e5 -> 25X4}); zero is
 *       {@code 0}; negatives get a leading {@code n};
 *   <li>text: a list of integers ({@code "512,256,128"}) as its first element and {@code x} depth
 *       ({@code 512x3}); a number as above; anything else with only its letters and digits kept, at
 *       most 16.
 * </ul>
 */
public final class CodeEncoding {
  static final String INT_PATTERN = "n?[0-9]+(?:[KM]|X[0-9]+)?";
  static final String FLOAT_PATTERN = "n?(?:[0-9]+E[0-9]+|[0-9]+X[0-9]+|[0-9]+P[0-9]*|[0-9]+)";
  static final String TEXT_PATTERN = "[A-Za-z0-9]+";
  private static final long KI = 1024;
  private static final long MI = 1024 * 1024;
  private static final Pattern INT_LIST = Pattern.compile("-?[0-9]+(?:,\\s*-?[0-9]+)+");
  private static final int MAX_TEXT = 16;

  private CodeEncoding() {}

  /** Encodes a parameter's value according to its declared type (text rules when unknown). */
  public static String encode(ParameterSpec spec, String value) {
    if (spec instanceof IntParameter) {
      return encodeInt(ValueFormat.parseInt(value));
    }
    if (spec instanceof FloatParameter) {
      return encodeFloat(ValueFormat.parseFloat(value));
    }
    return encodeText(value);
  }

  public static String encodeInt(long n) {
    if (n < 0) {
      return "n" + encodeInt(n == Long.MIN_VALUE ? Long.MAX_VALUE : -n);
    }
    if (n >= 2 * MI && n % MI == 0) {
      return n / MI + "M";
    }
    if (n >= 2 * KI && n % KI == 0) {
      return n / KI + "K";
    }
    if (n < 100_000) {
      return Long.toString(n);
    }
    BigDecimal rounded = new BigDecimal(n).round(new MathContext(2, RoundingMode.HALF_EVEN));
    BigDecimal stripped = rounded.stripTrailingZeros();
    return stripped.unscaledValue() + "X" + (-stripped.scale());
  }

  public static String encodeFloat(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("not a finite number: " + v);
    }
    if (v < 0) {
      String magnitude = encodeFloat(-v);
      return magnitude.equals("0") ? "0" : "n" + magnitude;
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal r =
        new BigDecimal(v).round(new MathContext(2, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    if (r.compareTo(new BigDecimal("0.01")) < 0) {
      return r.unscaledValue() + "E" + r.scale();
    }
    if (r.compareTo(BigDecimal.ONE) < 0) {
      return r.toPlainString().substring(2);
    }
    if (r.compareTo(new BigDecimal(100_000)) < 0) {
      String plain = r.toPlainString();
      return plain.contains(".") ? plain.replace('.', 'P') : plain + "P";
    }
    return r.unscaledValue() + "X" + (-r.scale());
  }

  public static String encodeText(String text) {
    String trimmed = text.trim();
    if (INT_LIST.matcher(trimmed).matches()) {
      String[] parts = trimmed.split(",");
      return encodeInt(Long.parseLong(parts[0].trim())) + "x" + parts.length;
    }
    try {
      return encodeInt(Long.parseLong(trimmed));
    } catch (NumberFormatException notInt) {
      // fall through
    }
    try {
      double d = Double.parseDouble(trimmed);
      if (Double.isFinite(d) && trimmed.matches("[-+0-9.eE]+")) {
        return encodeFloat(d);
      }
    } catch (NumberFormatException notFloat) {
      // fall through
    }
    String kept = trimmed.replaceAll("[^A-Za-z0-9]", "");
    if (kept.isEmpty()) {
      return "x";
    }
    return kept.length() > MAX_TEXT ? kept.substring(0, MAX_TEXT) : kept;
  }

  /** The regular expression a field of this parameter's type matches. */
  static String pattern(ParameterSpec spec) {
    if (spec instanceof IntParameter) {
      return INT_PATTERN;
    }
    if (spec instanceof FloatParameter) {
      return FLOAT_PATTERN;
    }
    if (spec instanceof CategoricalParameter c) {
      // Exactly the choices' spellings, longest first, so neighbouring literals never confuse it.
      return c.choices().stream()
          .map(CodeEncoding::encodeText)
          .distinct()
          .sorted((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b))
          .map(Pattern::quote)
          .reduce((a, b) -> a + "|" + b)
          .map(s -> "(?:" + s + ")")
          .orElseThrow();
    }
    return TEXT_PATTERN;
  }

  public static long decodeInt(String field) {
    if (field.startsWith("n")) {
      return -decodeInt(field.substring(1));
    }
    if (field.endsWith("M")) {
      return Long.parseLong(field.substring(0, field.length() - 1)) * MI;
    }
    if (field.endsWith("K")) {
      return Long.parseLong(field.substring(0, field.length() - 1)) * KI;
    }
    int x = field.indexOf('X');
    if (x >= 0) {
      return new BigDecimal(field.substring(0, x))
          .scaleByPowerOfTen(Integer.parseInt(field.substring(x + 1)))
          .longValueExact();
    }
    return Long.parseLong(field);
  }

  public static double decodeFloat(String field) {
    if (field.startsWith("n")) {
      return -decodeFloat(field.substring(1));
    }
    int e = field.indexOf('E');
    if (e >= 0) {
      return new BigDecimal(field.substring(0, e))
          .scaleByPowerOfTen(-Integer.parseInt(field.substring(e + 1)))
          .doubleValue();
    }
    int x = field.indexOf('X');
    if (x >= 0) {
      return new BigDecimal(field.substring(0, x))
          .scaleByPowerOfTen(Integer.parseInt(field.substring(x + 1)))
          .doubleValue();
    }
    if (field.contains("P")) {
      return Double.parseDouble((field.endsWith("P") ? field + "0" : field).replace('P', '.'));
    }
    return Double.parseDouble("0." + field);
  }
}
