package dev.paddock.operator.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The constraints on one value (string length and pattern, number bounds, enum), each refused with
 * the API server's words. Patterns are RE2 expressions, matched anywhere in the string as Go does.
 */
final class ValueConstraints {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  /** maxLength, else minLength, else pattern: the server reports only the first that fails. */
  void checkString(String path, String text, JSONSchemaProps schema, List<FieldError> errors) {
    long length = text.codePointCount(0, text.length());
    if (schema.getMaxLength() != null && length > schema.getMaxLength()) {
      errors.add(FieldError.tooLong(path, schema.getMaxLength()));
    } else if (schema.getMinLength() != null && length < schema.getMinLength()) {
      String detail = path + " in body should be at least " + schema.getMinLength() + " chars long";
      errors.add(FieldError.invalid(path, text, detail));
    } else if (schema.getPattern() != null && !schema.getPattern().isEmpty()) {
      checkPattern(path, text, schema.getPattern(), errors);
    }
  }

  private static void checkPattern(
      String path, String text, String pattern, List<FieldError> errors) {
    Pattern compiled;
    try {
      compiled = PATTERNS.computeIfAbsent(pattern, Pattern::compile);
    } catch (PatternSyntaxException e) {
      String shown = pattern + ", but pattern is invalid: " + e.getMessage();
      errors.add(FieldError.invalid(path, text, path + " in body should match '" + shown + "'"));
      return;
    }
    if (!compiled.matcher(text).find()) {
      errors.add(FieldError.invalid(path, text, path + " in body should match '" + pattern + "'"));
    }
  }

  /**
   * multipleOf, minimum, maximum. As on the server, an integer is compared with the bound cut to an
   * integer, and the bound is printed as the value's kind of number.
   */
  void checkNumber(String path, Number value, JSONSchemaProps schema, List<FieldError> errors) {
    if (schema.getMultipleOf() != null && !isMultiple(value, schema.getMultipleOf())) {
      String detail =
          path + " in body should be a multiple of " + bound(value, schema.getMultipleOf());
      errors.add(FieldError.invalid(path, value, detail));
    }
    if (schema.getMinimum() != null) {
      boolean exclusive = Boolean.TRUE.equals(schema.getExclusiveMinimum());
      int order = compare(value, schema.getMinimum());
      if (exclusive ? order <= 0 : order < 0) {
        String words =
            exclusive ? " should be greater than " : " should be greater than or equal to ";
        String detail = path + " in body" + words + bound(value, schema.getMinimum());
        errors.add(FieldError.invalid(path, value, detail));
      }
    }
    if (schema.getMaximum() != null) {
      boolean exclusive = Boolean.TRUE.equals(schema.getExclusiveMaximum());
      int order = compare(value, schema.getMaximum());
      if (exclusive ? order >= 0 : order > 0) {
        String words = exclusive ? " should be less than " : " should be less than or equal to ";
        String detail = path + " in body" + words + bound(value, schema.getMaximum());
        errors.add(FieldError.invalid(path, value, detail));
      }
    }
  }

  private static int compare(Number value, double bound) {
    if (value instanceof Long l) {
      return Long.compare(l, goInt64(bound));
    }
    return Double.compare(value.doubleValue(), bound);
  }

  private static String bound(Number value, double bound) {
    return value instanceof Long ? Long.toString(goInt64(bound)) : GoFormat.number(bound);
  }

  /**
   * Go's {@code int64(f)} on amd64, which the server uses to compare an integer with a bound:
   * toward zero, and the "integer indefinite" MinInt64 for NaN or a value outside the int64 range
   * (where Java's cast saturates). So a bound of 1e300 is -9223372036854775808 for an integer
   * value.
   */
  static long goInt64(double bound) {
    if (Double.isNaN(bound) || bound >= 0x1p63 || bound < -0x1p63) {
      return Long.MIN_VALUE;
    }
    return (long) bound;
  }

  private static boolean isMultiple(Number value, double factor) {
    if (value instanceof Long l && (long) factor != 0) {
      return l % (long) factor == 0;
    }
    double quotient = factor < 1 ? 1 / factor * value.doubleValue() : value.doubleValue() / factor;
    return quotient == Math.rint(quotient) && Math.abs(quotient) < 9007199254740992.0;
  }

  /** The value must equal one of the schema's enum values (checked for any value, even null). */
  void checkEnum(String path, Object value, JSONSchemaProps schema, List<FieldError> errors) {
    List<JsonNode> allowed = schema.getEnum();
    if (allowed == null || allowed.isEmpty()) {
      return;
    }
    if (value != null && allowed.stream().anyMatch(a -> sameValue(value, a))) {
      return;
    }
    List<String> supported =
        allowed.stream().map(a -> a.isTextual() ? a.textValue() : a.toString()).toList();
    errors.add(FieldError.notSupported(path, value, supported));
  }

  private static boolean sameValue(Object value, JsonNode allowed) {
    if (allowed.isTextual()) {
      return allowed.textValue().equals(value);
    }
    if (allowed.isNumber()) {
      return value instanceof Number n && n.doubleValue() == allowed.doubleValue();
    }
    if (allowed.isBoolean()) {
      return Objects.equals(value, allowed.booleanValue());
    }
    Object plain = ManifestYaml.asJson(JSON.convertValue(allowed, Object.class), "enum");
    return Objects.equals(value, plain);
  }
}
