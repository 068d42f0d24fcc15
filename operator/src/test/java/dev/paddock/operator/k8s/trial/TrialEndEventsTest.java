package dev.paddock.operator.k8s.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.TrialPhase;
import org.junit.jupiter.api.Test;

class TrialEndEventsTest {

  @Test
  void theFirstEndingsOfAStudyAreRecordedThenOnlyFailures() {
    int budget = TrialEndEvents.NORMAL_PER_STUDY;

    assertThat(TrialEndEvents.recorded(TrialPhase.Succeeded, 0)).isTrue();
    assertThat(TrialEndEvents.recorded(TrialPhase.Pruned, budget - 1)).isTrue();
    assertThat(TrialEndEvents.recorded(TrialPhase.Succeeded, budget)).isFalse();
    assertThat(TrialEndEvents.recorded(TrialPhase.Pruned, budget + 500)).isFalse();
    assertThat(TrialEndEvents.recorded(TrialPhase.Failed, budget + 500)).isTrue();
  }
}
