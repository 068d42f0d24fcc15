package dev.paddock.operator.search;

import java.util.Comparator;
import java.util.Locale;

/** Whether a study wants its objective as high or as low as possible. */
public enum Direction {
  MAXIMIZE,
  MINIMIZE;

  /** Parses the API spelling ({@code maximize} / {@code minimize}), case-insensitively. */
  public static Direction parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "maximize", "max" -> MAXIMIZE;
      case "minimize", "min" -> MINIMIZE;
      default ->
          throw new IllegalArgumentException(
              "direction must be maximize or minimize, not '" + text + "'");
    };
  }

  /** True when {@code a} is strictly better than {@code b}. */
  public boolean isBetter(double a, double b) {
    return this == MAXIMIZE ? a > b : a < b;
  }

  /** True when {@code a} is strictly worse than {@code b}. */
  public boolean isWorse(double a, double b) {
    return this == MAXIMIZE ? a < b : a > b;
  }

  /** Orders values best first. */
  public Comparator<Double> bestFirst() {
    return this == MAXIMIZE ? Comparator.<Double>reverseOrder() : Comparator.<Double>naturalOrder();
  }

  /** The better of two values. */
  public double best(double a, double b) {
    return isBetter(b, a) ? b : a;
  }

  /** The API spelling. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
