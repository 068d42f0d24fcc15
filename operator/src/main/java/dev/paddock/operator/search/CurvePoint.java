package dev.paddock.operator.search;

/** One point of a trial's learning curve: the objective metric after {@code epoch}. */
public record CurvePoint(int epoch, double value) {
  public CurvePoint {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
    }
  }
}
