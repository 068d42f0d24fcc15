package dev.paddock.operator.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The study-level result of an ensemble: how much the objective varies with the seed alone.
 *
 * @param members every member trial, by seed, with its state and objective
 * @param completed how many members finished with an objective (the statistics use only these)
 * @param mean the mean objective of completed members (NaN when none)
 * @param stdDev the sample standard deviation (n - 1; 0 with one member, NaN with none)
 * @param stdError {@code stdDev / sqrt(completed)}
 * @param min the lowest objective
 * @param max the highest objective
 */
public record EnsembleSummary(
    List<Member> members,
    int completed,
    double mean,
    double stdDev,
    double stdError,
    double min,
    double max) {

  /** One seed's trial. */
  public record Member(String seed, long trialIndex, TrialState state, Double objective) {}

  /** Summarizes the trials of an ensemble study (trials without the seed parameter are ignored). */
  public static EnsembleSummary of(EnsembleSettings ensemble, List<TrialObservation> trials) {
    List<Member> members = new ArrayList<>();
    for (TrialObservation t : trials) {
      String seed = t.parameters().get(ensemble.seedParameter());
      if (seed != null) {
        members.add(new Member(seed, t.index(), t.state(), t.objective()));
      }
    }
    members.sort(Comparator.comparingLong(Member::trialIndex));
    double[] values =
        members.stream()
            .filter(m -> m.state() == TrialState.SUCCEEDED && m.objective() != null)
            .mapToDouble(Member::objective)
            .toArray();
    int n = values.length;
    if (n == 0) {
      return new EnsembleSummary(
          List.copyOf(members), 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      mean += v / n;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double stdDev = n > 1 ? Math.sqrt(squares / (n - 1)) : 0.0;
    return new EnsembleSummary(
        List.copyOf(members), n, mean, stdDev, stdDev / Math.sqrt(n), min, max);
  }

  /** The spread as max - min. */
  public double range() {
    return max - min;
  }
}
