package dev.paddock.operator.search;

import java.util.Locale;

/** {@code spec.search.algorithm}. */
public enum Algorithm {
  GRID,
  RANDOM,
  TPE;

  public static Algorithm parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "search.algorithm must be grid, random or tpe, not '" + text + "'", e);
    }
  }
}
