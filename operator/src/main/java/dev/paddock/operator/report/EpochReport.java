package dev.paddock.operator.report;

import java.util.Map;
import java.util.Objects;

/** One epoch's metrics, as a trainer reports them. */
public record EpochReport(TrialRef trial, int epoch, Map<String, Double> metrics) {
  public EpochReport {
    Objects.requireNonNull(trial, "trial");
    if (epoch < 1) {
      throw new IllegalArgumentException("epoch must be >= 1, got " + epoch);
    }
    metrics = Map.copyOf(Objects.requireNonNullElse(metrics, Map.of()));
  }
}
