package dev.paddock.operator.grading;

/** Letter grades, best first; F is below every threshold. */
public enum Grade {
  S,
  A,
  B,
  C,
  D,
  F;

  /** True when this grade is at least as good as {@code other} (e.g. for {@code minGrade}). */
  public boolean atLeast(Grade other) {
    return ordinal() <= other.ordinal();
  }
}
