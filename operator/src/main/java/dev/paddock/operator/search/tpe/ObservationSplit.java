package dev.paddock.operator.search.tpe;

import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.search.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits the observed trials into the "good" group (below, l(x)) and the rest (above, g(x)), as
 * Optuna's {@code _split_trials}: the best ceil(gamma * n) (at most 25) finished trials are good,
 * succeeded trials ranked before pruned ones; running trials are always counted as bad (the
 * constant liar), which pushes the next suggestion away from them.
 */
record ObservationSplit(List<double[]> below, List<double[]> above) {

  /** A trial usable by TPE: its position in age order, its model vector and what it showed. */
  record Observed(int age, double[] model, TrialObservation trial) {}

  static ObservationSplit of(
      List<Observed> observed, Direction direction, double gamma, boolean constantLiar) {
    List<Observed> succeeded = new ArrayList<>();
    List<Observed> pruned = new ArrayList<>();
    List<Observed> running = new ArrayList<>();
    for (Observed o : observed) {
      TrialObservation t = o.trial();
      if (t.state() == TrialState.SUCCEEDED && t.objective() != null) {
        succeeded.add(o);
      } else if (t.state() == TrialState.PRUNED) {
        pruned.add(o);
      } else if (t.state() == TrialState.RUNNING && constantLiar) {
        running.add(o);
      }
    }
    Comparator<Double> best = direction.bestFirst();
    succeeded.sort(
        Comparator.comparing((Observed o) -> o.trial().objective(), best)
            .thenComparingInt(Observed::age));
    // Pruned trials that went further rank higher; among equals, the better last value.
    pruned.sort(
        Comparator.comparingInt((Observed o) -> -o.trial().lastEpoch())
            .thenComparing(o -> worstIfMissing(o.trial().objective(), direction), best)
            .thenComparingInt(Observed::age));
    int total = succeeded.size() + pruned.size() + running.size();
    int belowCount = Math.min((int) Math.ceil(gamma * total), 25);
    List<Observed> ranked = new ArrayList<>(succeeded);
    ranked.addAll(pruned);
    belowCount = Math.min(belowCount, ranked.size());
    List<Observed> belowList = new ArrayList<>(ranked.subList(0, belowCount));
    List<Observed> aboveList = new ArrayList<>(ranked.subList(belowCount, ranked.size()));
    aboveList.addAll(running);
    return new ObservationSplit(byAge(belowList), byAge(aboveList));
  }

  private static double worstIfMissing(Double value, Direction direction) {
    if (value != null) {
      return value;
    }
    return direction == Direction.MAXIMIZE ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
  }

  private static List<double[]> byAge(List<Observed> list) {
    return list.stream()
        .sorted(Comparator.comparingInt(Observed::age))
        .map(Observed::model)
        .toList();
  }
}
