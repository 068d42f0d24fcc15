package dev.paddock.operator.study;

import dev.paddock.api.v1alpha1.MetricSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a Trial's status that come from its reported epochs (its curve and metric
 * summaries), written the same way by the report endpoint and by the local runner.
 */
public final class ProgressStatus {

  private ProgressStatus() {}

  /** The objective by epoch as {@code [epoch, value]}, downsampled to the status's bound. */
  public static List<List<Double>> curve(TrialProgress progress) {
    List<List<Double>> curve = new ArrayList<>();
    TrialProgress.downsample(progress.curve())
        .forEach(p -> curve.add(List.of((double) p.epoch(), p.value())));
    return curve;
  }

  /** Latest and best of each kept metric that was reported. */
  public static Map<String, MetricSummary> metrics(TrialProgress progress, List<String> kept) {
    Map<String, MetricSummary> metrics = new LinkedHashMap<>();
    progress.summaries(kept).forEach((k, v) -> metrics.put(k, new MetricSummary(v[0], v[1])));
    return metrics;
  }
}
