package dev.paddock.operator.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.operator.pruning.EarlyStopping;
import dev.paddock.operator.search.Algorithm;
import dev.paddock.operator.search.CategoricalParameter;
import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.FloatParameter;
import dev.paddock.operator.search.Objective;
import dev.paddock.operator.search.SearchSpace;
import dev.paddock.operator.search.StudySearch;
import dev.paddock.operator.search.Suggestion;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.search.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudyPlannerTest {

  private static final SearchSpace SPACE =
      SearchSpace.of(
          FloatParameter.logScale("lr", 1e-4, 1e-1), CategoricalParameter.of("hidden", "32", "64"));

  private static StudyDefinition study(
      int maxTrials, int parallelism, Integer maxFailed, Double goal, Double gpuHours) {
    return new StudyDefinition(
        "s",
        new Objective("val_f1", Direction.MAXIMIZE, goal),
        List.of(),
        StudySearch.of(Algorithm.RANDOM, 42, SPACE),
        new StudyDefinition.Budget(maxTrials, parallelism, maxFailed, gpuHours),
        EarlyStopping.NONE_SPEC,
        10,
        0,
        null,
        null);
  }

  private static StudyTrial trial(long index, TrialState state, Double objective) {
    Map<String, String> params = Map.of("lr", "0.001", "hidden", index % 2 == 0 ? "32" : "64");
    return new StudyTrial(
        "s-" + index, new TrialObservation(index, params, state, objective, List.of()), null, null);
  }

  @Test
  void aNewStudyCreatesUpToParallelismTrialsFromIndexZero() {
    StudyPlan plan =
        StudyPlanner.plan(study(10, 3, null, null, null), List.of(), List.of(), 0, false);

    assertThat(plan.phase()).isEqualTo(StudyPhase.RUNNING);
    assertThat(plan.create()).extracting(Suggestion::index).containsExactly(0L, 1L, 2L);
    assertThat(plan.stopRunning()).isFalse();
  }

  @Test
  void onlyFreeSlotsAreFilledAndNeverPastMaxTrials() {
    List<StudyTrial> trials =
        List.of(
            trial(0, TrialState.SUCCEEDED, 0.5),
            trial(1, TrialState.RUNNING, null),
            trial(2, TrialState.RUNNING, null));

    assertThat(
            StudyPlanner.plan(study(10, 3, null, null, null), trials, List.of(), 0, false).create())
        .extracting(Suggestion::index)
        .containsExactly(3L);
    assertThat(
            StudyPlanner.plan(study(3, 3, null, null, null), trials, List.of(), 0, false).create())
        .isEmpty();
  }

  @Test
  void planningTwiceGivesTheSameTrials() {
    List<StudyTrial> trials =
        List.of(trial(0, TrialState.SUCCEEDED, 0.5), trial(1, TrialState.FAILED, null));

    StudyPlan first =
        StudyPlanner.plan(study(10, 4, null, null, null), trials, List.of(), 0, false);
    StudyPlan second =
        StudyPlanner.plan(
            study(10, 4, null, null, null), new ArrayList<>(trials), List.of(), 0, false);

    assertThat(second.create()).isEqualTo(first.create());
  }

  @Test
  void reachingTheGoalSucceedsAndStopsRunningTrials() {
    List<StudyTrial> trials =
        List.of(trial(0, TrialState.SUCCEEDED, 0.31), trial(1, TrialState.RUNNING, null));

    StudyPlan plan = StudyPlanner.plan(study(10, 2, null, 0.30, null), trials, List.of(), 0, false);

    assertThat(plan.phase()).isEqualTo(StudyPhase.SUCCEEDED);
    assertThat(plan.reason()).isEqualTo("GoalReached");
    assertThat(plan.message()).isEqualTo("s-0 reached val_f1 = 0.31 (goal 0.3)");
    assertThat(plan.stopRunning()).isTrue();
    assertThat(plan.create()).isEmpty();
  }

  @Test
  void moreFailuresThanAllowedFailTheStudy() {
    List<StudyTrial> trials =
        List.of(trial(0, TrialState.FAILED, null), trial(1, TrialState.FAILED, null));

    StudyPlan atLimit = StudyPlanner.plan(study(10, 1, 2, null, null), trials, List.of(), 0, false);
    StudyPlan overLimit =
        StudyPlanner.plan(study(10, 1, 1, null, null), trials, List.of(), 0, false);

    assertThat(atLimit.phase()).isEqualTo(StudyPhase.RUNNING);
    assertThat(overLimit.phase()).isEqualTo(StudyPhase.FAILED);
    assertThat(overLimit.message()).isEqualTo("2 trials failed, more than maxFailedTrials 1");
  }

  @Test
  void aSuspendedStudyStartsNothingAndStopsWhatRuns() {
    List<StudyTrial> trials = List.of(trial(0, TrialState.RUNNING, null));

    StudyPlan plan = StudyPlanner.plan(study(10, 2, null, null, null), trials, List.of(), 0, true);

    assertThat(plan.phase()).isEqualTo(StudyPhase.SUSPENDED);
    assertThat(plan.create()).isEmpty();
    assertThat(plan.stopRunning()).isTrue();
  }

  @Test
  void anExhaustedGpuBudgetDrainsThenSucceeds() {
    List<StudyTrial> running = List.of(trial(0, TrialState.RUNNING, null));
    List<StudyTrial> done = List.of(trial(0, TrialState.SUCCEEDED, 0.4));

    StudyPlan draining =
        StudyPlanner.plan(study(10, 2, null, null, 1.0), running, List.of(), 3600, false);
    StudyPlan ended =
        StudyPlanner.plan(study(10, 2, null, null, 1.0), done, List.of(), 3700, false);

    assertThat(draining.phase()).isEqualTo(StudyPhase.RUNNING);
    assertThat(draining.create()).isEmpty();
    assertThat(draining.message()).contains("waiting for 1 running trials");
    assertThat(ended.phase()).isEqualTo(StudyPhase.SUCCEEDED);
    assertThat(ended.reason()).isEqualTo("GpuBudgetExhausted");
  }

  @Test
  void allTrialsDoneSucceedsAndRaisingMaxTrialsResumes() {
    List<StudyTrial> trials =
        List.of(trial(0, TrialState.SUCCEEDED, 0.4), trial(1, TrialState.PRUNED, 0.2));

    StudyPlan finished =
        StudyPlanner.plan(study(2, 1, null, null, null), trials, List.of(), 0, false);
    StudyPlan resumed =
        StudyPlanner.plan(study(4, 2, null, null, null), trials, List.of(), 0, false);

    assertThat(finished.phase()).isEqualTo(StudyPhase.SUCCEEDED);
    assertThat(finished.reason()).isEqualTo("MaxTrialsReached");
    assertThat(resumed.phase()).isEqualTo(StudyPhase.RUNNING);
    assertThat(resumed.create()).extracting(Suggestion::index).containsExactly(2L, 3L);
  }

  @Test
  void aStudyWhoseTrialsAllFailedOrWerePrunedEndsFailed() {
    List<StudyTrial> trials =
        List.of(trial(0, TrialState.FAILED, null), trial(1, TrialState.PRUNED, 0.2));

    StudyPlan plan = StudyPlanner.plan(study(2, 1, null, null, null), trials, List.of(), 0, false);

    assertThat(plan.phase()).isEqualTo(StudyPhase.FAILED);
    assertThat(plan.reason()).isEqualTo("NoTrialSucceeded");
    assertThat(plan.message()).isEqualTo("2 of 2 trials created; none of them succeeded");
  }

  @Test
  void theBestIsTheBestSucceededTrialForTheDirection() {
    List<StudyTrial> trials =
        List.of(
            trial(0, TrialState.SUCCEEDED, 0.4),
            trial(1, TrialState.SUCCEEDED, 0.7),
            trial(2, TrialState.PRUNED, 0.9),
            trial(3, TrialState.SUCCEEDED, 0.7));

    assertThat(StudyPlanner.best(Direction.MAXIMIZE, trials)).map(StudyTrial::name).contains("s-1");
    assertThat(StudyPlanner.best(Direction.MINIMIZE, trials)).map(StudyTrial::name).contains("s-0");
  }

  @Test
  void aGridStudyEndsWhenItsSpaceIsExhausted() {
    StudyDefinition grid =
        new StudyDefinition(
            "g",
            new Objective("val_f1", Direction.MAXIMIZE, null),
            List.of(),
            StudySearch.of(
                Algorithm.GRID, 1, SearchSpace.of(CategoricalParameter.of("hidden", "32", "64"))),
            new StudyDefinition.Budget(10, 2, null, null),
            EarlyStopping.NONE_SPEC,
            5,
            0,
            null,
            null);
    List<StudyTrial> trials =
        List.of(
            new StudyTrial(
                "g-0",
                TrialObservation.finished(0, Map.of("hidden", "32"), TrialState.SUCCEEDED, 0.1),
                null,
                null),
            new StudyTrial(
                "g-1",
                TrialObservation.finished(1, Map.of("hidden", "64"), TrialState.SUCCEEDED, 0.2),
                null,
                null));

    StudyPlan plan = StudyPlanner.plan(grid, trials, List.of(), 0, false);

    assertThat(plan.phase()).isEqualTo(StudyPhase.SUCCEEDED);
    assertThat(plan.reason()).isEqualTo("SearchSpaceExhausted");
  }
}
