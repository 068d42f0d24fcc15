package dev.paddock.operator.manifest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints values the way the Kubernetes API server (written in Go) prints them in its refusals, so
 * that a message produced here reads byte for byte like the server's: {@code %v} for numbers,
 * {@code %q} for strings and {@code %#v} for anything else.
 */
final class GoFormat {

  private GoFormat() {}

  /** Go's {@code strconv.Quote}: double quotes, with control characters escaped. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints().forEach(c -> appendQuoted(out, c));
    return out.append('"').toString();
  }

  private static void appendQuoted(StringBuilder out, int c) {
    switch (c) {
      case '"' -> out.append("\\\"");
      case '\\' -> out.append("\\\\");
      case 7 -> out.append("\\a");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case 11 -> out.append("\\v");
      default -> {
        if (c < 0x20 || c == 0x7f) {
          out.append(String.format("\\x%02x", c));
        } else if (!Character.isDefined(c) || Character.getType(c) == Character.FORMAT) {
          out.append(c > 0xffff ? String.format("\\U%08x", c) : String.format("\\u%04x", c));
        } else {
          out.appendCodePoint(c);
        }
      }
    }
  }

  /** Go's {@code %v} of a float64: the shortest digits, in 'e' form below 1e-4 and from 1e6. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0" : "0";
    }
    String sign = value < 0 ? "-" : "";
    BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
    String digits = decimal.unscaledValue().toString();
    int pointPosition = digits.length() - decimal.scale();
    int exponent = pointPosition - 1;
    if (exponent < -4 || exponent >= 6) {
      return sign + scientific(digits, exponent);
    }
    return sign + plain(digits, pointPosition);
  }

  private static String scientific(String digits, int exponent) {
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String exponentDigits = String.format("%02d", Math.abs(exponent));
    return mantissa + "e" + (exponent < 0 ? "-" : "+") + exponentDigits;
  }

  private static String plain(String digits, int pointPosition) {
    if (pointPosition <= 0) {
      return "0." + "0".repeat(-pointPosition) + digits;
    }
    if (pointPosition >= digits.length()) {
      return digits + "0".repeat(pointPosition - digits.length());
    }
    return digits.substring(0, pointPosition) + "." + digits.substring(pointPosition);
  }

  /**
   * The bad value as {@code field.Error.ErrorBody} prints it: numbers and booleans bare, strings
   * quoted, null as {@code "null"}, anything else in Go syntax.
   */
  static String badValue(Object value) {
    if (value == null) {
      return quote("null");
    }
    if (value instanceof String text) {
      return quote(text);
    }
    if (value instanceof Double d) {
      return number(d);
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
      return value.toString();
    }
    return goSyntax(value);
  }

  /** Go's {@code %#v} of a decoded JSON value. */
  static String goSyntax(Object value) {
    if (value == null) {
      return "interface {}(nil)";
    }
    if (value instanceof String text) {
      return quote(text);
    }
    if (value instanceof Double d) {
      return number(d);
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("map[string]interface {}{");
      String separator = "";
      for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
        out.append(separator).append(quote(String.valueOf(entry.getKey()))).append(':');
        out.append(goSyntax(entry.getValue()));
        separator = ", ";
      }
      return out.append('}').toString();
    }
    if (value instanceof List<?> list) {
      StringBuilder out = new StringBuilder("[]interface {}{");
      String separator = "";
      for (Object item : list) {
        out.append(separator).append(goSyntax(item));
        separator = ", ";
      }
      return out.append('}').toString();
    }
    return String.valueOf(value);
  }
}
