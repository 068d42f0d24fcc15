package dev.paddock.operator.pruning;

import dev.paddock.operator.search.CurvePoint;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.search.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

final class PruningFixtures {
  private PruningFixtures() {}

  /** A trial whose curve holds {@code values} at epochs 1, 2, 3, ... */
  static TrialObservation trial(long index, TrialState state, double... values) {
    List<CurvePoint> curve = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      curve.add(new CurvePoint(i + 1, values[i]));
    }
    Double objective = values.length == 0 ? null : values[values.length - 1];
    return new TrialObservation(index, Map.of(), state, objective, curve);
  }

  static TrialObservation points(long index, TrialState state, CurvePoint... points) {
    return new TrialObservation(index, Map.of(), state, null, List.of(points));
  }
}
