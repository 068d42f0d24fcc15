package dev.paddock.trainer.data;

import java.util.LinkedHashSet;
import java.util.Set;

/** What the first pass learned about one column: its kinds of values and its distinct values. */
public final class ColumnProfile {

  static final int MAX_DISTINCT = 1000;

  private final String name;
  private long numbers;
  private long texts;
  private long empties;
  private long nonFinite;
  private long firstBadRow = -1;
  private String firstBadValue;
  private long firstNonFiniteRow = -1;
  private String firstNonFiniteValue;
  private long firstEmptyRow = -1;
  private boolean integral = true;
  private final Set<String> distinct = new LinkedHashSet<>();
  private boolean distinctOverflow;

  ColumnProfile(String name) {
    this.name = name;
  }

  void accept(long row, String value) {
    switch (Numbers.classify(value)) {
      case NUMBER -> {
        numbers++;
        if (integral) {
          double d = Numbers.parse(value);
          integral = d == Math.rint(d);
        }
      }
      case EMPTY -> {
        empties++;
        if (firstEmptyRow < 0) {
          firstEmptyRow = row;
        }
      }
      case NON_FINITE -> {
        nonFinite++;
        if (firstNonFiniteRow < 0) {
          firstNonFiniteRow = row;
          firstNonFiniteValue = value;
        }
      }
      case TEXT -> {
        texts++;
        if (firstBadRow < 0) {
          firstBadRow = row;
          firstBadValue = value;
        }
      }
    }
    if (!distinctOverflow && !value.isEmpty()) {
      distinct.add(value);
      distinctOverflow = distinct.size() > MAX_DISTINCT;
    }
  }

  public String name() {
    return name;
  }

  /** True when every non-empty value parses as a number (NaN and inf included). */
  public boolean numeric() {
    return texts == 0 && (numbers + nonFinite) > 0;
  }

  public boolean integral() {
    return integral;
  }

  public long texts() {
    return texts;
  }

  public long empties() {
    return empties;
  }

  public long nonFinite() {
    return nonFinite;
  }

  public long firstTextRow() {
    return firstBadRow;
  }

  public String firstTextValue() {
    return firstBadValue;
  }

  public long firstNonFiniteRow() {
    return firstNonFiniteRow;
  }

  public String firstNonFiniteValue() {
    return firstNonFiniteValue;
  }

  public long firstEmptyRow() {
    return firstEmptyRow;
  }

  /** Distinct non-empty values in order of first appearance, or null past the cap. */
  public Set<String> distinct() {
    return distinctOverflow ? null : distinct;
  }
}
