package dev.paddock.operator.study;

import dev.paddock.operator.search.TrialState;
import java.util.List;

/** Trials of a study by state. */
public record TrialCounts(int created, int running, int succeeded, int failed, int pruned) {

  static TrialCounts of(List<StudyTrial> trials) {
    int[] byState = new int[TrialState.values().length];
    trials.forEach(t -> byState[t.observation().state().ordinal()]++);
    return new TrialCounts(
        trials.size(),
        byState[TrialState.RUNNING.ordinal()],
        byState[TrialState.SUCCEEDED.ordinal()],
        byState[TrialState.FAILED.ordinal()],
        byState[TrialState.PRUNED.ordinal()]);
  }

  public int finished() {
    return succeeded + failed + pruned;
  }
}
