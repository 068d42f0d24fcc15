package dev.paddock.operator.epochreport;

import java.util.Map;
import java.util.Objects;

/**
 * One epoch's metrics, as a trainer reports them, with the UID of the Trial object its token was
 * issued for (the endpoint has checked the token; the listener checks that the UID is the trial's).
 */
public record EpochReport(TrialRef trial, String trialUid, int epoch, Map<String, Double> metrics) {
  public EpochReport {
    Objects.requireNonNull(trial, "trial");
    Objects.requireNonNull(trialUid, "trialUid");
    if (epoch < 1) {
      throw new IllegalArgumentException("epoch must be >= 1, got " + epoch);
    }
    metrics = Map.copyOf(Objects.requireNonNullElse(metrics, Map.of()));
  }
}
