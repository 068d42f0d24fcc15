package dev.paddock.operator.search;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the samplers, pruners and graders see of one trial.
 *
 * @param index the trial's index in its study (unique, 0-based)
 * @param parameters the trial's parameter values, as carried in {@code Trial.spec.parameters}
 * @param objective the final (or, when pruned, last reported) objective; null when unknown
 * @param curve the objective by epoch, possibly downsampled; sorted by epoch on construction
 */
public record TrialObservation(
    long index,
    Map<String, String> parameters,
    TrialState state,
    Double objective,
    List<CurvePoint> curve) {

  public TrialObservation {
    Objects.requireNonNull(state, "state");
    parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    curve =
        curve == null
            ? List.of()
            : curve.stream().sorted(Comparator.comparingInt(CurvePoint::epoch)).toList();
    if (objective != null && objective.isNaN()) {
      objective = null;
    }
  }

  /** A finished trial without a curve. */
  public static TrialObservation finished(
      long index, Map<String, String> parameters, TrialState state, Double objective) {
    return new TrialObservation(index, parameters, state, objective, List.of());
  }

  /** A trial that is still running. */
  public static TrialObservation running(long index, Map<String, String> parameters) {
    return new TrialObservation(index, parameters, TrialState.RUNNING, null, List.of());
  }

  /** True when the trial finished with an objective the sampler can learn from. */
  public boolean hasResult() {
    return objective != null
        && !objective.isInfinite()
        && (state == TrialState.SUCCEEDED || state == TrialState.PRUNED);
  }

  /** The last epoch reported, or 0 when the curve is empty. */
  public int lastEpoch() {
    return curve.isEmpty() ? 0 : curve.get(curve.size() - 1).epoch();
  }
}
