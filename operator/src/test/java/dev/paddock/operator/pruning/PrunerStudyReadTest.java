package dev.paddock.operator.pruning;

import static dev.paddock.operator.pruning.PruningFixtures.trial;
import static dev.paddock.operator.search.TrialState.RUNNING;
import static dev.paddock.operator.search.TrialState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.Objective;
import dev.paddock.operator.search.TrialObservation;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The report endpoint answers every epoch of every running trial, and the study's trials it would
 * compare with are every trial of the run (10,000 in a large study): they are read only when a rule
 * compares with them (bench/scale).
 */
class PrunerStudyReadTest {
  private final Objective f1 = new Objective("val_f1", Direction.MAXIMIZE);
  private final AtomicInteger reads = new AtomicInteger();
  private final Supplier<List<TrialObservation>> study =
      () -> {
        reads.incrementAndGet();
        return List.of(trial(0, SUCCEEDED, 0.1, 0.2, 0.3), trial(1, SUCCEEDED, 0.2, 0.3, 0.4));
      };

  @Test
  void earlyStoppingOffReadsNoOtherTrial() {
    Decision d =
        Pruner.decide(EarlyStopping.NONE_SPEC, f1, trial(9, RUNNING, 0.1, 0.2), study, 100);
    assertThat(d.shouldStop()).isFalse();
    assertThat(reads).hasValue(0);
  }

  @Test
  void theLastEpochReadsNoOtherTrial() {
    Decision d =
        Pruner.decide(EarlyStopping.median(1, 1), f1, trial(9, RUNNING, 0, 0, 0), study, 3);
    assertThat(d.shouldStop()).isFalse();
    assertThat(reads).hasValue(0);
  }

  @Test
  void aRuleThatComparesReadsTheStudyOnce() {
    Decision d =
        Pruner.decide(EarlyStopping.median(1, 1), f1, trial(9, RUNNING, 0.0, 0.0), study, 100);
    assertThat(d.shouldStop()).isTrue();
    assertThat(reads).hasValue(1);
  }
}
