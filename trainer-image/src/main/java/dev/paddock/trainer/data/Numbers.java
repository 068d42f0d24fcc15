package dev.paddock.trainer.data;

/** Strict number parsing shared by training and serving. */
public final class Numbers {

  /** Parse results that are not numbers. */
  public enum Kind {
    NUMBER,
    EMPTY,
    NON_FINITE,
    TEXT
  }

  private Numbers() {}

  /** Classifies a raw cell. */
  public static Kind classify(String s) {
    if (s == null || s.isEmpty()) {
      return Kind.EMPTY;
    }
    char c = s.charAt(0);
    boolean looksNumeric = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
    if (!looksNumeric && !isNonFiniteWord(s)) {
      return Kind.TEXT;
    }
    if (isNonFiniteWord(s)) {
      return Kind.NON_FINITE;
    }
    try {
      double d = Double.parseDouble(s);
      return Double.isFinite(d) ? Kind.NUMBER : Kind.NON_FINITE;
    } catch (NumberFormatException e) {
      return Kind.TEXT;
    }
  }

  private static boolean isNonFiniteWord(String s) {
    String t = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
    return t.equalsIgnoreCase("nan")
        || t.equalsIgnoreCase("inf")
        || t.equalsIgnoreCase("infinity")
        || t.equalsIgnoreCase("null")
        || t.equalsIgnoreCase("na");
  }

  /** Parses a cell already classified as {@link Kind#NUMBER}. */
  public static double parse(String s) {
    return Double.parseDouble(s);
  }
}
