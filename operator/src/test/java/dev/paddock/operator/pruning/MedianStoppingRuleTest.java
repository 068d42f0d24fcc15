package dev.paddock.operator.pruning;

import static dev.paddock.operator.pruning.PruningFixtures.trial;
import static dev.paddock.operator.search.TrialState.PRUNED;
import static dev.paddock.operator.search.TrialState.RUNNING;
import static dev.paddock.operator.search.TrialState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.Objective;
import dev.paddock.operator.search.TrialObservation;
import java.util.List;
import org.junit.jupiter.api.Test;

class MedianStoppingRuleTest {
  private final EarlyStopping median = EarlyStopping.median(3, 2);
  private final Objective f1 = new Objective("val_f1", Direction.MAXIMIZE);
  // Running averages at epoch 3: 0.2, 0.15, 0.3 -> median 0.2; at epoch 2: 0.15, 0.1, 0.25 -> 0.15
  private final List<TrialObservation> completed =
      List.of(
          trial(0, SUCCEEDED, 0.10, 0.20, 0.30),
          trial(1, SUCCEEDED, 0.05, 0.15, 0.25),
          trial(2, SUCCEEDED, 0.20, 0.30, 0.40),
          trial(3, RUNNING, 0.90, 0.90, 0.90),
          trial(4, PRUNED, 0.00, 0.00, 0.00));

  @Test
  void stopsATrialWhoseBestIsBelowTheMedianOfRunningAverages() {
    Decision d = Pruner.decide(median, f1, trial(9, RUNNING, 0.05, 0.12, 0.10), completed, 100);
    assertThat(d.shouldStop()).isTrue();
    assertThat(d.wire()).isEqualTo("stop");
    assertThat(d.reason()).isEqualTo("epoch 3: val_f1 0.12 below median 0.2 of 3 trials");
  }

  @Test
  void keepsATrialAtOrAboveTheMedian() {
    Decision d = Pruner.decide(median, f1, trial(9, RUNNING, 0.1, 0.21, 0.19), completed, 100);
    assertThat(d.shouldStop()).isFalse();
    assertThat(d.reason()).isEqualTo("epoch 3: val_f1 0.21 not below median 0.2 of 3 trials");
  }

  @Test
  void comparesAtTheTrialsOwnEpoch() {
    Decision d = Pruner.decide(median, f1, trial(9, RUNNING, 0.1, 0.14), completed, 100);
    assertThat(d.reason()).isEqualTo("epoch 2: val_f1 0.14 below median 0.15 of 3 trials");
  }

  @Test
  void waitsForStartEpochAndForEnoughCompletedTrials() {
    assertThat(Pruner.decide(median, f1, trial(9, RUNNING, 0.0), completed, 100).reason())
        .isEqualTo("epoch 1: early stopping starts at epoch 2");
    Decision few =
        Pruner.decide(median, f1, trial(9, RUNNING, 0, 0, 0), completed.subList(0, 2), 100);
    assertThat(few.shouldStop()).isFalse();
    assertThat(few.reason()).isEqualTo("epoch 3: 2 completed trials to compare, 3 needed");
  }

  @Test
  void honorsMinimizeWithNegativeValues() {
    Objective loss = new Objective("val_loss", Direction.MINIMIZE);
    List<TrialObservation> done =
        List.of(
            trial(0, SUCCEEDED, -1.0, -2.0),
            trial(1, SUCCEEDED, -3.0, -4.0),
            trial(2, SUCCEEDED, -0.5, -0.5));
    // running averages at epoch 2: -1.5, -3.5, -0.5 -> median -1.5
    Decision stop = Pruner.decide(median, loss, trial(9, RUNNING, -0.2, -1.0), done, 10);
    assertThat(stop.reason()).isEqualTo("epoch 2: val_loss -1 above median -1.5 of 3 trials");
    assertThat(stop.shouldStop()).isTrue();
    Decision go = Pruner.decide(median, loss, trial(9, RUNNING, -1.6, -1.0), done, 10);
    assertThat(go.shouldStop()).isFalse();
  }

  @Test
  void neverStopsAtTheLastEpochOrWhenOff() {
    assertThat(Pruner.decide(median, f1, trial(9, RUNNING, 0, 0, 0), completed, 3).shouldStop())
        .isFalse();
    assertThat(
            Pruner.decide(EarlyStopping.NONE_SPEC, f1, trial(9, RUNNING, 0, 0, 0), completed, 100)
                .reason())
        .isEqualTo("early stopping is off");
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(MedianStoppingRule.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
  }
}
