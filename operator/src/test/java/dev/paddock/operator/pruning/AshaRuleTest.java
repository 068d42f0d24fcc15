package dev.paddock.operator.pruning;

import static dev.paddock.operator.pruning.PruningFixtures.points;
import static dev.paddock.operator.pruning.PruningFixtures.trial;
import static dev.paddock.operator.search.TrialState.PRUNED;
import static dev.paddock.operator.search.TrialState.RUNNING;
import static dev.paddock.operator.search.TrialState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.operator.search.CurvePoint;
import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.Objective;
import dev.paddock.operator.search.TrialObservation;
import java.util.List;
import org.junit.jupiter.api.Test;

class AshaRuleTest {
  private final EarlyStopping asha = EarlyStopping.asha(1, 3);
  private final Objective f1 = new Objective("val_f1", Direction.MAXIMIZE);
  private final List<TrialObservation> atRungOne =
      List.of(
          trial(0, PRUNED, 0.5),
          trial(1, SUCCEEDED, 0.4, 0.5, 0.6),
          trial(2, PRUNED, 0.3),
          trial(3, RUNNING, 0.2),
          trial(4, PRUNED, 0.1));

  @Test
  void keepsOnlyTheTopThirdAtARung() {
    Decision stop = Pruner.decide(asha, f1, trial(9, RUNNING, 0.35), atRungOne, 100);
    assertThat(stop.shouldStop()).isTrue();
    assertThat(stop.reason())
        .isEqualTo(
            "epoch 1 (rung 1): val_f1 0.35 not in top 2 of 6 trials at this rung (cutoff 0.4)");
    Decision go = Pruner.decide(asha, f1, trial(9, RUNNING, 0.4), atRungOne, 100);
    assertThat(go.shouldStop()).isFalse();
    assertThat(go.reason())
        .isEqualTo("epoch 1 (rung 1): val_f1 0.4 in top 2 of 6 trials at this rung (cutoff 0.4)");
  }

  @Test
  void decidesOnlyWhenCrossingARung() {
    Decision between = Pruner.decide(asha, f1, trial(9, RUNNING, 0.0, 0.0), atRungOne, 100);
    assertThat(between.shouldStop()).isFalse();
    assertThat(between.reason()).isEqualTo("epoch 2: next rung at epoch 3");
    // epoch 3 is rung 3; only trial 1 reached it (0.6): two trials, fewer than eta -> must be best
    Decision rung3 = Pruner.decide(asha, f1, trial(9, RUNNING, 0.9, 0.9, 0.55), atRungOne, 100);
    assertThat(rung3.shouldStop()).isTrue();
    assertThat(rung3.reason()).startsWith("epoch 3 (rung 3): val_f1 0.55 not in top 1 of 2");
  }

  @Test
  void aJumpOverSeveralRungsIsJudgedAtTheHighest() {
    TrialObservation jumped = points(9, RUNNING, new CurvePoint(2, 0.1), new CurvePoint(10, 0.7));
    Decision d = Pruner.decide(asha, f1, jumped, atRungOne, 100);
    assertThat(d.reason())
        .isEqualTo("epoch 10 (rung 9): val_f1 0.7 in top 1 of 1 trials at this rung (cutoff 0.7)");
  }

  @Test
  void theFirstTrialAtARungAlwaysGoesOn() {
    assertThat(Pruner.decide(asha, f1, trial(0, RUNNING, 0.01), List.of(), 100).shouldStop())
        .isFalse();
  }

  @Test
  void minimizeKeepsTheLowest() {
    Objective loss = new Objective("val_loss", Direction.MINIMIZE);
    List<TrialObservation> others =
        List.of(trial(0, PRUNED, -0.5), trial(1, PRUNED, -0.2), trial(2, PRUNED, 0.1));
    // n = 4, top 1: cutoff -0.5
    assertThat(Pruner.decide(asha, loss, trial(9, RUNNING, -0.4), others, 100).shouldStop())
        .isTrue();
    assertThat(Pruner.decide(asha, loss, trial(9, RUNNING, -0.6), others, 100).shouldStop())
        .isFalse();
  }

  @Test
  void respectsMinTrialsAndTheLastEpoch() {
    EarlyStopping patient =
        new EarlyStopping(EarlyStopping.Algorithm.ASHA, 10, 0, new EarlyStopping.Asha(1, 3));
    Decision d = Pruner.decide(patient, f1, trial(9, RUNNING, 0.0), atRungOne, 100);
    assertThat(d.shouldStop()).isFalse();
    assertThat(d.reason()).isEqualTo("epoch 1: 6 trials at rung 1, 10 needed to compare");
    EarlyStopping wide = EarlyStopping.asha(3, 3);
    Decision last = Pruner.decide(wide, f1, trial(9, RUNNING, 0, 0, 0), atRungOne, 3);
    assertThat(last.shouldStop()).isFalse();
  }

  @Test
  void rungsGrowGeometrically() {
    EarlyStopping.Asha a = new EarlyStopping.Asha(2, 2);
    assertThat(AshaRule.crossedRung(a, 3, 8)).isEqualTo(8);
    assertThat(AshaRule.crossedRung(a, 8, 15)).isEqualTo(-1);
    assertThat(AshaRule.nextRung(a, 8)).isEqualTo(16);
  }
}
