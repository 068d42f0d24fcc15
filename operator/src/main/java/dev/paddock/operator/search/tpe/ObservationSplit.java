package dev.paddock.operator.search.tpe;

import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.search.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits the observed trials into the "good" group (below, l(x)) and the rest (above, g(x)), as
 * Optuna's {@code _split_trials}: of the n finished trials, the best ceil(gamma * n) (at most 25)
 * are good, succeeded trials ranked before pruned ones; running trials are always counted as bad
 * (the constant liar), which pushes the next suggestion away from them, and are not counted in n.
 *
 * <p>Both rankings are strict total orders (ties broken by age), so the good group is found by
 * selecting its few members rather than sorting every trial; both groups come out oldest first.
 */
record ObservationSplit(List<double[]> below, List<double[]> above) {

  /** The most trials the good group takes, whatever gamma says. */
  private static final int MAX_BELOW = 25;

  /** A trial usable by TPE: its position in age order, its model vector and what it showed. */
  record Observed(int age, double[] model, TrialObservation trial) {}

  /**
   * @param observed the usable trials, oldest first (ages ascending)
   */
  static ObservationSplit of(
      List<Observed> observed, Direction direction, double gamma, boolean constantLiar) {
    List<Observed> succeeded = new ArrayList<>();
    List<Observed> pruned = new ArrayList<>();
    for (Observed o : observed) {
      TrialState group = group(o.trial(), constantLiar);
      if (group == TrialState.SUCCEEDED) {
        succeeded.add(o);
      } else if (group == TrialState.PRUNED) {
        pruned.add(o);
      }
    }
    // Optuna's default gamma rule, min(ceil(gamma * n), 25), over the n finished trials: running
    // trials (the constant liar's) join the bad group but do not grow the good one.
    int finished = succeeded.size() + pruned.size();
    int belowCount = Math.min((int) Math.ceil(gamma * finished), MAX_BELOW);
    belowCount = Math.min(belowCount, finished);
    List<Observed> good = best(succeeded, belowCount, succeededOrder(direction));
    good.addAll(best(pruned, belowCount - good.size(), prunedOrder(direction)));
    good.sort(Comparator.comparingInt(Observed::age));
    Set<Integer> goodAges = new HashSet<>();
    for (Observed o : good) {
      goodAges.add(o.age());
    }
    List<double[]> below = new ArrayList<>(good.size());
    for (Observed o : good) {
      below.add(o.model());
    }
    List<double[]> above = new ArrayList<>(Math.max(0, observed.size() - good.size()));
    for (Observed o : observed) {
      if (group(o.trial(), constantLiar) != null && !goodAges.contains(o.age())) {
        above.add(o.model());
      }
    }
    return new ObservationSplit(below, above);
  }

  /** Which list a trial joins: succeeded, pruned, running (constant liar only), or none. */
  private static TrialState group(TrialObservation t, boolean constantLiar) {
    if (t.state() == TrialState.SUCCEEDED && t.objective() != null) {
      return TrialState.SUCCEEDED;
    } else if (t.state() == TrialState.PRUNED) {
      return TrialState.PRUNED;
    } else if (t.state() == TrialState.RUNNING && constantLiar) {
      return TrialState.RUNNING;
    }
    return null;
  }

  /** Best objective first, then the older trial. */
  private static Comparator<Observed> succeededOrder(Direction direction) {
    Comparator<Double> best = direction.bestFirst();
    return Comparator.comparing((Observed o) -> o.trial().objective(), best)
        .thenComparingInt(Observed::age);
  }

  /** Pruned trials that went further rank higher; among equals, the better last value. */
  private static Comparator<Observed> prunedOrder(Direction direction) {
    Comparator<Double> best = direction.bestFirst();
    return Comparator.comparingInt((Observed o) -> -o.trial().lastEpoch())
        .thenComparing(o -> worstIfMissing(o.trial().objective(), direction), best)
        .thenComparingInt(Observed::age);
  }

  /**
   * The first {@code k} of {@code items} in {@code order} (a strict total order), in that order: an
   * insertion into a short sorted list, so only the few good trials are ever moved.
   */
  private static List<Observed> best(List<Observed> items, int k, Comparator<Observed> order) {
    List<Observed> top = new ArrayList<>(Math.max(k, 0) + 1);
    if (k <= 0) {
      return top;
    }
    for (Observed o : items) {
      if (top.size() == k && order.compare(o, top.get(k - 1)) >= 0) {
        continue;
      }
      int at = top.size();
      while (at > 0 && order.compare(o, top.get(at - 1)) < 0) {
        at--;
      }
      top.add(at, o);
      if (top.size() > k) {
        top.remove(k);
      }
    }
    return top;
  }

  private static double worstIfMissing(Double value, Direction direction) {
    if (value != null) {
      return value;
    }
    return direction == Direction.MAXIMIZE ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
  }
}
