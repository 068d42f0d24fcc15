package dev.paddock.operator.k8s.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.TrialPhase;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TrialEndEventsTest {

  private static Stream<TrialPhase> ended(int count) {
    return Stream.concat(
        Stream.of(TrialPhase.Running, TrialPhase.Pending, null),
        Stream.generate(() -> TrialPhase.Succeeded).limit(count));
  }

  @Test
  void theFirstEndingsOfAStudyAreRecordedThenOnlyFailures() {
    int budget = TrialEndEvents.NORMAL_PER_STUDY;

    assertThat(TrialEndEvents.recorded(TrialPhase.Succeeded, ended(0))).isTrue();
    assertThat(TrialEndEvents.recorded(TrialPhase.Pruned, ended(budget - 1))).isTrue();
    assertThat(TrialEndEvents.recorded(TrialPhase.Succeeded, ended(budget))).isFalse();
    assertThat(TrialEndEvents.recorded(TrialPhase.Pruned, ended(budget + 500))).isFalse();
    assertThat(TrialEndEvents.recorded(TrialPhase.Failed, ended(budget + 500))).isTrue();
  }

  @Test
  void countingStopsOnceTheBudgetIsSpent() {
    // endless: the count must stop at the budget, not walk the whole study
    Stream<TrialPhase> endless = Stream.generate(() -> TrialPhase.Failed);

    assertThat(TrialEndEvents.recorded(TrialPhase.Succeeded, endless)).isFalse();
  }
}
