package dev.paddock.operator.grading;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code spec.grading}.
 *
 * @param metric the graded metric; null means the objective
 * @param mode thresholds (absolute) or percentile (rank within the study so far)
 * @param thresholds per grade S..D, the value a trial must reach (any subset of S..D)
 * @param code the trial code template, e.g. {@code MLP-{grade}-N{hidden}B{batch_size}-{date}}
 */
public record GradingSpec(String metric, Mode mode, Map<Grade, Double> thresholds, String code) {

  /** {@code grading.mode}. */
  public enum Mode {
    THRESHOLDS,
    PERCENTILE;

    public static Mode parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "grading.mode must be thresholds or percentile, not '" + text + "'", e);
      }
    }
  }

  public GradingSpec {
    Map<Grade, Double> copy = new EnumMap<>(Grade.class);
    if (thresholds != null) {
      copy.putAll(thresholds);
    }
    if (mode == null) {
      mode = copy.isEmpty() ? Mode.PERCENTILE : Mode.THRESHOLDS;
    }
    if (copy.containsKey(Grade.F)) {
      throw new IllegalArgumentException("grading.thresholds: F is what is left below D");
    }
    if (mode == Mode.THRESHOLDS && copy.isEmpty()) {
      throw new IllegalArgumentException("grading.mode thresholds needs grading.thresholds");
    }
    for (Double v : copy.values()) {
      if (v == null || !Double.isFinite(v)) {
        throw new IllegalArgumentException("grading.thresholds must be finite numbers");
      }
    }
    thresholds = java.util.Collections.unmodifiableMap(copy);
  }

  public static GradingSpec thresholds(Map<Grade, Double> thresholds, String code) {
    return new GradingSpec(null, Mode.THRESHOLDS, thresholds, code);
  }

  public static GradingSpec percentile(String code) {
    return new GradingSpec(null, Mode.PERCENTILE, Map.of(), code);
  }

  /** The graded metric, defaulting to the objective's. */
  public String metricOr(String objectiveMetric) {
    return metric == null || metric.isBlank() ? objectiveMetric : metric;
  }
}
