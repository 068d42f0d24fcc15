package dev.paddock.operator.pruning;

import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.Objective;
import dev.paddock.operator.search.TrialObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Asynchronous successive halving (Li et al. 2020), as Optuna's {@code SuccessiveHalvingPruner}:
 * rungs at {@code minEpochs * eta^k}; when a trial reaches a rung it goes on only if its value
 * there is among the top {@code floor(n / eta)} of the n trials that have reached that rung so far
 * (the best of them while n < eta). The decision is taken once, at the report that crosses the
 * rung; between rungs a trial always goes on.
 */
final class AshaRule {
  private AshaRule() {}

  static Decision decide(
      EarlyStopping spec,
      Objective objective,
      TrialObservation trial,
      List<TrialObservation> others,
      int maxEpochs) {
    int epoch = trial.lastEpoch();
    String at = "epoch " + epoch + ": ";
    int previous =
        trial.curve().size() < 2 ? -1 : trial.curve().get(trial.curve().size() - 2).epoch();
    EarlyStopping.Asha asha = spec.asha();
    long rung = crossedRung(asha, previous, epoch);
    if (rung < 0) {
      return Decision.proceed(at + "next rung at epoch " + nextRung(asha, epoch));
    }
    if (maxEpochs > 0 && rung >= maxEpochs) {
      return Decision.proceed(at + "rung " + rung + " is the last epoch");
    }
    if (epoch < spec.startEpoch()) {
      return Decision.proceed(at + "early stopping starts at epoch " + spec.startEpoch());
    }
    double value = Curves.valueAtOrAfter(trial.curve(), (int) rung).orElseThrow();
    List<Double> values = new ArrayList<>();
    values.add(value);
    for (TrialObservation other : others) {
      OptionalDouble v = Curves.valueAtOrAfter(other.curve(), (int) rung);
      v.ifPresent(values::add);
    }
    int n = values.size();
    if (n < spec.minTrials()) {
      return Decision.proceed(
          at + n + " trials at rung " + rung + ", " + spec.minTrials() + " needed to compare");
    }
    Direction direction = objective.direction();
    values.sort(direction.bestFirst());
    int top = Math.max(1, n / asha.reductionFactor());
    double cutoff = values.get(top - 1);
    boolean worse = direction.isWorse(value, cutoff);
    String reason =
        "epoch %d (rung %d): %s %s %s top %d of %d trials at this rung (cutoff %s)"
            .formatted(
                epoch,
                rung,
                objective.metric(),
                Curves.format(value),
                worse ? "not in" : "in",
                top,
                n,
                Curves.format(cutoff));
    return worse ? Decision.stop(reason) : Decision.proceed(reason);
  }

  /** The highest rung r with previous < r <= epoch, or -1. */
  static long crossedRung(EarlyStopping.Asha asha, int previous, int epoch) {
    long crossed = -1;
    for (long r = asha.minEpochs(); r <= epoch; r *= asha.reductionFactor()) {
      if (r > previous) {
        crossed = r;
      }
    }
    return crossed;
  }

  static long nextRung(EarlyStopping.Asha asha, int epoch) {
    long r = asha.minEpochs();
    while (r <= epoch) {
      r *= asha.reductionFactor();
    }
    return r;
  }
}
