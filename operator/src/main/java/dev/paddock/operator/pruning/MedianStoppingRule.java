package dev.paddock.operator.pruning;

import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.Objective;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.search.TrialState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The median stopping rule, with Katib's semantics: from {@code startEpoch} on, stop a trial whose
 * best value so far is strictly worse than the median of the completed trials' running averages up
 * to the same epoch, once at least {@code minTrials} completed trials can be compared.
 */
final class MedianStoppingRule {
  private MedianStoppingRule() {}

  static Decision decide(
      EarlyStopping spec,
      Objective objective,
      TrialObservation trial,
      List<TrialObservation> others) {
    int epoch = trial.lastEpoch();
    String at = "epoch " + epoch + ": ";
    if (epoch < spec.startEpoch()) {
      return Decision.proceed(at + "early stopping starts at epoch " + spec.startEpoch());
    }
    List<Double> averages = new ArrayList<>();
    for (TrialObservation other : others) {
      if (other.state() == TrialState.SUCCEEDED) {
        Curves.runningAverageUpTo(other.curve(), epoch).ifPresent(averages::add);
      }
    }
    int needed = Math.max(1, spec.minTrials());
    if (averages.size() < needed) {
      return Decision.proceed(
          at + averages.size() + " completed trials to compare, " + needed + " needed");
    }
    Direction direction = objective.direction();
    double median = median(averages);
    double best = Curves.bestUpTo(trial.curve(), epoch, direction).orElseThrow();
    boolean worse = direction.isWorse(best, median);
    String comparison = direction == Direction.MAXIMIZE ? "below" : "above";
    String reason =
        at
            + objective.metric()
            + " "
            + Curves.format(best)
            + (worse ? " " : " not ")
            + comparison
            + " median "
            + Curves.format(median)
            + " of "
            + averages.size()
            + " trials";
    return worse ? Decision.stop(reason) : Decision.proceed(reason);
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }
}
