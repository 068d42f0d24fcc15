package dev.paddock.operator.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.operator.pruning.EarlyStopping;
import dev.paddock.operator.search.Algorithm;
import dev.paddock.operator.search.CategoricalParameter;
import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.FloatParameter;
import dev.paddock.operator.search.IntParameter;
import dev.paddock.operator.search.Objective;
import dev.paddock.operator.search.SearchSpace;
import dev.paddock.operator.search.StudySearch;
import dev.paddock.operator.search.Suggestion;
import dev.paddock.operator.search.TpeSettings;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.search.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A crash in the middle of a batch of concurrent Trial creations leaves a scattered subset of it:
 * the next plan refills the skipped indices first, never goes past {@code maxTrials - 1}, and every
 * index gets the parameters of an uninterrupted run.
 */
class StudyPlannerRefillTest {

  private static final SearchSpace SPACE =
      SearchSpace.of(
          FloatParameter.logScale("lr", 1e-4, 1e-1),
          CategoricalParameter.of("hidden", "32", "64", "128"),
          IntParameter.stepped("batch", 32, 256, 32));

  private static StudyDefinition study(Algorithm algorithm, int maxTrials, int parallelism) {
    return new StudyDefinition(
        "s",
        new Objective("val_f1", Direction.MAXIMIZE, null),
        List.of(),
        StudySearch.of(algorithm, 42, SPACE).withTpe(new TpeSettings(2, 24, 0.25, 1.0, true, true)),
        new StudyDefinition.Budget(maxTrials, parallelism, null, null),
        EarlyStopping.NONE_SPEC,
        10,
        0,
        null,
        null);
  }

  /** The study's trials by index, as the API server (or the local store) holds them. */
  private static final class Store {
    final TreeMap<Long, StudyTrial> trials = new TreeMap<>();

    StudyPlan plan(StudyDefinition study) {
      return StudyPlanner.plan(study, List.copyOf(trials.values()), List.of(), 0, false);
    }

    /** Creates the plan's trials, except those a crash lost. */
    void create(StudyPlan plan, long... lost) {
      TreeSet<Long> skipped = new TreeSet<>();
      for (long l : lost) {
        skipped.add(l);
      }
      for (Suggestion s : plan.create()) {
        if (!skipped.contains(s.index())) {
          trials.put(
              s.index(),
              new StudyTrial("s-" + s.index(), s.asRunning(), null, null, plan.basis(s)));
        }
      }
    }

    /** The trial ends, better than every lower index (so each result moves TPE's good group). */
    void finish(long index) {
      StudyTrial t = trials.get(index);
      TrialObservation o = t.observation();
      TrialObservation done =
          TrialObservation.finished(o.index(), o.parameters(), TrialState.SUCCEEDED, 1.0 + index);
      trials.put(index, new StudyTrial(t.name(), done, null, null, t.basis()));
    }

    TreeMap<Long, Map<String, String>> parameters() {
      return trials.values().stream()
          .collect(
              Collectors.toMap(
                  t -> t.observation().index(),
                  t -> t.observation().parameters(),
                  (a, b) -> a,
                  TreeMap::new));
    }
  }

  /**
   * 0..3 start; 0, 1 and 2 end; 4, 5 and 6 are planned as one batch (TPE by then) while 3 runs;
   * then 3 ends and 7 is planned. In the crashed run, only 5 of the batch is created before the
   * operator dies, and the restarted operator plans after 3 has ended.
   */
  @Test
  void aBatchCutShortByACrashIsRefilledWithTheParametersOfAnUninterruptedRun() {
    StudyDefinition tpe = study(Algorithm.TPE, 8, 4);
    Store straight = new Store();
    Store crashed = new Store();
    for (Store store : List.of(straight, crashed)) {
      store.create(store.plan(tpe));
      store.finish(0);
      store.finish(1);
      store.finish(2);
    }
    StudyPlan batch = straight.plan(tpe);
    assertThat(batch.create()).extracting(Suggestion::index).containsExactly(4L, 5L, 6L);
    assertThat(batch.create()).extracting(Suggestion::origin).containsOnly("tpe");
    straight.create(batch);
    straight.finish(3);
    straight.create(straight.plan(tpe));

    crashed.create(crashed.plan(tpe), 4, 6);
    assertThat(crashed.trials.keySet()).containsExactly(0L, 1L, 2L, 3L, 5L);
    crashed.finish(3);
    StudyPlan restarted = crashed.plan(tpe);
    crashed.create(restarted);

    assertThat(restarted.create()).extracting(Suggestion::index).containsExactly(4L, 6L, 7L);
    assertThat(crashed.parameters()).isEqualTo(straight.parameters());
    assertThat(crashed.trials.keySet()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
  }

  /**
   * The basis is what makes it so: refilled from the trials as they are at the restart, index 4
   * would learn from trial 3's result, which the uninterrupted run did not have yet.
   */
  @Test
  void withoutTheRecordedBasisTheRefilledIndexWouldSeeMoreHistory() {
    StudyDefinition tpe = study(Algorithm.TPE, 8, 4);
    Store store = new Store();
    store.create(store.plan(tpe));
    store.finish(0);
    store.finish(1);
    store.finish(2);
    StudyPlan batch = store.plan(tpe);
    store.create(batch, 4);
    store.finish(3);
    Store forgetful = new Store();
    store.trials.forEach(
        (i, t) -> forgetful.trials.put(i, new StudyTrial(t.name(), t.observation(), null, null)));

    Suggestion refilled = store.plan(tpe).create().get(0);
    Suggestion fromNow = forgetful.plan(tpe).create().get(0);

    assertThat(refilled.index()).isEqualTo(4L);
    assertThat(refilled).isEqualTo(batch.create().get(0));
    assertThat(fromNow.index()).isEqualTo(4L);
    assertThat(fromNow.parameters()).isNotEqualTo(refilled.parameters());
  }

  @Test
  void refilledTrialsCarryTheirBatchBasisSoASecondCrashRefillsAlike() {
    StudyDefinition tpe = study(Algorithm.TPE, 12, 6);
    Store straight = new Store();
    Store crashed = new Store();
    for (Store store : List.of(straight, crashed)) {
      store.create(store.plan(tpe));
      for (long i = 0; i < 4; i++) {
        store.finish(i);
      }
    }
    StudyPlan batch = crashed.plan(tpe);
    assertThat(batch.create()).extracting(Suggestion::index).containsExactly(6L, 7L, 8L, 9L);
    straight.create(batch);
    crashed.create(batch, 6, 7, 9);
    crashed.finish(4);
    StudyPlan second = crashed.plan(tpe);
    crashed.create(second, 7, 9, 10);
    crashed.finish(5);
    StudyPlan third = crashed.plan(tpe);
    crashed.create(third);

    assertThat(second.basis(second.create().get(0))).isEqualTo(batch.basis(batch.create().get(0)));
    assertThat(third.create()).extracting(Suggestion::index).startsWith(7L, 9L);
    assertThat(crashed.parameters().headMap(10L)).isEqualTo(straight.parameters());
  }

  @Test
  void indicesNeverRunPastMaxTrialsMinusOne() {
    StudyDefinition random = study(Algorithm.RANDOM, 4, 4);
    Store store = new Store();
    store.create(store.plan(random), 2);

    StudyPlan plan = store.plan(random);

    Store straight = new Store();
    straight.create(straight.plan(random));
    assertThat(plan.create()).extracting(Suggestion::index).containsExactly(2L);
    assertThat(plan.create().get(0).parameters()).isEqualTo(straight.parameters().get(2L));
  }

  @Test
  void aGridStudyRefillsTheGridPointsItSkipped() {
    StudyDefinition grid =
        new StudyDefinition(
            "g",
            new Objective("val_f1", Direction.MAXIMIZE, null),
            List.of(),
            StudySearch.of(
                Algorithm.GRID, 1, SearchSpace.of(IntParameter.stepped("batch", 32, 256, 32))),
            new StudyDefinition.Budget(8, 5, null, null),
            EarlyStopping.NONE_SPEC,
            5,
            0,
            null,
            null);
    Store straight = new Store();
    straight.create(straight.plan(grid));
    Store crashed = new Store();
    crashed.create(crashed.plan(grid), 0, 1, 3);

    crashed.create(crashed.plan(grid));

    assertThat(crashed.parameters()).isEqualTo(straight.parameters());
  }

  @Test
  void aBasisReadsBackFromItsText() {
    SuggestionBasis basis = SuggestionBasis.of(8, 11, List.of(0L, 1L, 2L, 5L));

    assertThat(basis.toText()).isEqualTo("8-11;0:Jw");
    assertThat(SuggestionBasis.parse(basis.toText())).contains(basis);
    assertThat(SuggestionBasis.parse("3;")).contains(SuggestionBasis.of(3, 3, List.of()));
    assertThat(SuggestionBasis.parse("garbage")).isEmpty();
    assertThat(SuggestionBasis.parse("4-2;")).isEmpty();
    assertThat(SuggestionBasis.parse("4-5;3:Jw")).isEmpty();
    assertThat(SuggestionBasis.parse(null)).isEmpty();
  }

  /** A thousand trials in flight, every other one finished: still a short annotation. */
  @Test
  void aBasisStaysSmallWithAThousandTrialsInFlight() {
    List<Long> unfinished = new ArrayList<>();
    for (long i = 9_000; i < 11_000; i += 2) {
      unfinished.add(i);
    }
    SuggestionBasis basis = SuggestionBasis.of(11_000, 11_099, unfinished);

    assertThat(basis.toText()).hasSizeLessThan(400);
    assertThat(SuggestionBasis.parse(basis.toText())).contains(basis);
  }

  @Test
  void aNewStudysFirstBatchRecordsItsRange() {
    Store store = new Store();
    StudyPlan plan = store.plan(study(Algorithm.RANDOM, 10, 3));

    assertThat(new ArrayList<>(plan.bases().values()))
        .containsOnly(SuggestionBasis.of(0, 2, List.of()));
  }
}
