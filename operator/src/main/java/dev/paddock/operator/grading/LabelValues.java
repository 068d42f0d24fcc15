package dev.paddock.operator.grading;

import java.util.regex.Pattern;

/** The Kubernetes label value rule, which is stricter than an object-store key's. */
public final class LabelValues {
  public static final int MAX_LENGTH = 63;
  private static final Pattern VALID =
      Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

  private LabelValues() {}

  /** True when {@code value} may be a label value (and hence a path segment of a store key). */
  public static boolean isValid(String value) {
    return value.length() <= MAX_LENGTH && VALID.matcher(value).matches();
  }

  /** Drops leading and trailing characters that are not letters or digits. */
  static String trimToAlphanumeric(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && !isAlphanumeric(value.charAt(start))) {
      start++;
    }
    while (end > start && !isAlphanumeric(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
