package dev.paddock.operator.pruning;

import dev.paddock.operator.search.Objective;
import dev.paddock.operator.search.TrialObservation;
import java.util.List;
import java.util.function.Supplier;

/**
 * The entry point of early stopping: continue or stop a trial after its latest report, as a pure
 * function of the recorded curves. The reconciler calls it for each epoch report and answers the
 * trainer with {@link Decision#wire()}.
 */
public final class Pruner {
  private Pruner() {}

  /**
   * @param trial the trial that just reported; its curve ends at the reported epoch
   * @param study the study's trials (the trial itself may be included; it is skipped)
   * @param maxEpochs the trials' epoch budget ({@code spec.trial.epochs}); no stop is given at or
   *     after it, as the trial is ending anyway; 0 when unknown
   */
  public static Decision decide(
      EarlyStopping spec,
      Objective objective,
      TrialObservation trial,
      List<TrialObservation> study,
      int maxEpochs) {
    return decide(spec, objective, trial, () -> study, maxEpochs);
  }

  /**
   * As {@link #decide(EarlyStopping, Objective, TrialObservation, List, int)}, reading the study's
   * trials only when a rule compares the trial with them: not when early stopping is off, before
   * the first epoch or at the last one. The report endpoint builds that list from every trial of
   * the study's run, thousands in a large study, on each report.
   */
  public static Decision decide(
      EarlyStopping spec,
      Objective objective,
      TrialObservation trial,
      Supplier<List<TrialObservation>> study,
      int maxEpochs) {
    if (spec.algorithm() == EarlyStopping.Algorithm.NONE) {
      return Decision.proceed("early stopping is off");
    }
    if (trial.curve().isEmpty()) {
      return Decision.proceed("no epoch reported yet");
    }
    if (maxEpochs > 0 && trial.lastEpoch() >= maxEpochs) {
      return Decision.proceed("epoch " + trial.lastEpoch() + ": last epoch");
    }
    List<TrialObservation> others =
        study.get().stream().filter(t -> t.index() != trial.index()).toList();
    return switch (spec.algorithm()) {
      case MEDIAN -> MedianStoppingRule.decide(spec, objective, trial, others);
      case ASHA -> AshaRule.decide(spec, objective, trial, others, maxEpochs);
      case NONE -> throw new AssertionError();
    };
  }
}
