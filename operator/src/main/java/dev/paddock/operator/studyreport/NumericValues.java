package dev.paddock.operator.studyreport;

/** Reads parameter values that should be numbers. */
final class NumericValues {
  private NumericValues() {}

  /** The finite number a text spells, or null when it is not one. */
  static Double parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      double value = Double.parseDouble(text.trim());
      return Double.isFinite(value) ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
