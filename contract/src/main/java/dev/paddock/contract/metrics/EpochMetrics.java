package dev.paddock.contract.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One epoch's metrics as parsed so far: every value seen for that epoch, the latest winning. NaN
 * and infinities are kept as written; {@link #finite()} leaves them out.
 */
public record EpochMetrics(int epoch, Map<String, Double> metrics) {

  public EpochMetrics {
    metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** The finite values only: what the report contract (JSON numbers) can carry. */
  public Map<String, Double> finite() {
    return finite(metrics);
  }

  /** The finite values of {@code metrics}, in order: JSON has no NaN nor infinity. */
  public static Map<String, Double> finite(Map<String, Double> metrics) {
    Map<String, Double> finite = new LinkedHashMap<>();
    metrics.forEach(
        (k, v) -> {
          if (v != null && Double.isFinite(v)) {
            finite.put(k, v);
          }
        });
    return finite;
  }
}
