package dev.paddock.operator.study;

import dev.paddock.operator.search.CurvePoint;
import dev.paddock.operator.search.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trial's reported epochs, and the bounded summaries its status keeps: the objective curve
 * downsampled to {@link #MAX_CURVE_POINTS} points and the latest and best value of each kept
 * metric. Reports are at-least-once: an epoch reported twice replaces itself.
 */
public final class TrialProgress {

  public static final int MAX_CURVE_POINTS = 64;

  private final String objectiveMetric;
  private final Direction direction;
  private final TreeMap<Integer, Map<String, Double>> epochs = new TreeMap<>();

  public TrialProgress(String objectiveMetric, Direction direction) {
    this.objectiveMetric = objectiveMetric;
    this.direction = direction;
  }

  public String objectiveMetric() {
    return objectiveMetric;
  }

  public synchronized void record(int epoch, Map<String, Double> metrics) {
    epochs.put(epoch, Map.copyOf(metrics));
  }

  public synchronized int lastEpoch() {
    return epochs.isEmpty() ? 0 : epochs.lastKey();
  }

  public synchronized Map<String, Double> lastMetrics() {
    return epochs.isEmpty() ? Map.of() : epochs.lastEntry().getValue();
  }

  /** The objective by epoch, every reported epoch. */
  public synchronized List<CurvePoint> curve() {
    List<CurvePoint> curve = new ArrayList<>();
    epochs.forEach(
        (epoch, metrics) -> {
          Double value = metrics.get(objectiveMetric);
          if (value != null) {
            curve.add(new CurvePoint(epoch, value));
          }
        });
    return curve;
  }

  /** At most {@link #MAX_CURVE_POINTS} points, evenly spread, always keeping the last one. */
  public static List<CurvePoint> downsample(List<CurvePoint> curve) {
    int n = curve.size();
    if (n <= MAX_CURVE_POINTS) {
      return List.copyOf(curve);
    }
    List<CurvePoint> sampled = new ArrayList<>(MAX_CURVE_POINTS);
    for (int i = 0; i < MAX_CURVE_POINTS; i++) {
      sampled.add(curve.get((int) Math.round((double) i * (n - 1) / (MAX_CURVE_POINTS - 1))));
    }
    return sampled;
  }

  /** Latest and best of each given metric ({@code [latest, best]}), for the trial's status. */
  public synchronized Map<String, double[]> summaries(List<String> metrics) {
    Map<String, double[]> result = new TreeMap<>();
    for (String metric : metrics) {
      Direction better = metric.equals(objectiveMetric) ? direction : directionOf(metric);
      Double latest = null;
      Double best = null;
      for (Map<String, Double> values : epochs.values()) {
        Double v = values.get(metric);
        if (v == null || v.isNaN()) {
          continue;
        }
        latest = v;
        best = best == null || better.isBetter(v, best) ? v : best;
      }
      if (latest != null) {
        result.put(metric, new double[] {latest, best});
      }
    }
    return result;
  }

  /** Losses and errors are better low; everything else (accuracy, F1, AUC, R²) high. */
  static Direction directionOf(String metric) {
    String name = metric.toLowerCase(Locale.ROOT);
    boolean lowerIsBetter =
        name.contains("loss")
            || name.contains("error")
            || name.contains("rmse")
            || name.endsWith("mae")
            || name.endsWith("mse");
    return lowerIsBetter ? Direction.MINIMIZE : Direction.MAXIMIZE;
  }
}
