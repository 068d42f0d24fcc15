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
    Map<String, Double> finite = new LinkedHashMap<>();
    metrics.forEach(
        (k, v) -> {
          if (Double.isFinite(v)) {
            finite.put(k, v);
          }
        });
    return finite;
  }
}
