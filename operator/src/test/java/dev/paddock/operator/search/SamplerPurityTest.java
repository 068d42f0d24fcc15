package dev.paddock.operator.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The property a restarted operator relies on: suggestions are a pure function of the inputs. */
class SamplerPurityTest {

  private static StudySearch search(Algorithm algorithm) {
    SearchSpace space =
        algorithm == Algorithm.GRID
            ? SearchSpace.of(
                IntParameter.stepped("batch_size", 32, 1024, 32),
                CategoricalParameter.of("hidden", "256,128,64", "512,256,128"))
            : Fixtures.mlpSpace();
    return StudySearch.of(algorithm, 42, space)
        .withTpe(new TpeSettings(5, 24, 0.25, 1.0, true, true));
  }

  /** A history with every state: succeeded, failed, pruned, running. */
  private static List<TrialObservation> history(StudySearch search) {
    List<TrialObservation> trials = new ArrayList<>();
    List<Suggestion> first = Sampler.suggest(search, Direction.MAXIMIZE, trials, 12);
    for (Suggestion s : first) {
      TrialState state =
          switch ((int) (s.index() % 4)) {
            case 0, 1 -> TrialState.SUCCEEDED;
            case 2 -> TrialState.PRUNED;
            default -> s.index() == 11 ? TrialState.RUNNING : TrialState.FAILED;
          };
      Double objective =
          state == TrialState.FAILED || state == TrialState.RUNNING
              ? null
              : 0.01 * (s.index() * 7 % 13);
      trials.add(new TrialObservation(s.index(), s.parameters(), state, objective, List.of()));
    }
    return trials;
  }

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void sameInputsGiveByteIdenticalSuggestions(Algorithm algorithm) {
    StudySearch search = search(algorithm);
    List<TrialObservation> trials = history(search);
    List<Suggestion> once = Sampler.suggest(search, Direction.MAXIMIZE, trials, 8);
    List<Suggestion> again =
        Sampler.suggest(search(algorithm), Direction.MAXIMIZE, List.copyOf(trials), 8);
    assertThat(again.toString()).isEqualTo(once.toString());
    assertThat(once).hasSize(8);
    assertThat(once.get(0).index()).isEqualTo(12);
  }

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void theOrderOfTheTrialListDoesNotMatter(Algorithm algorithm) {
    StudySearch search = search(algorithm);
    List<TrialObservation> trials = new ArrayList<>(history(search));
    List<Suggestion> expected = Sampler.suggest(search, Direction.MAXIMIZE, trials, 4);
    Collections.reverse(trials);
    assertThat(Sampler.suggest(search, Direction.MAXIMIZE, trials, 4)).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void aBatchEqualsSuggestionsMadeOneAtATimeAcrossARestart(Algorithm algorithm) {
    StudySearch search = search(algorithm);
    List<TrialObservation> trials = new ArrayList<>(history(search));
    List<Suggestion> batch = Sampler.suggest(search, Direction.MAXIMIZE, trials, 6);
    // The operator created 2 trials, crashed, and a new process resumes from the API state.
    List<TrialObservation> afterRestart = new ArrayList<>(trials);
    afterRestart.add(batch.get(0).asRunning());
    afterRestart.add(batch.get(1).asRunning());
    List<Suggestion> resumed = Sampler.suggest(search, Direction.MAXIMIZE, afterRestart, 4);
    assertThat(resumed).isEqualTo(batch.subList(2, 6));
  }

  @ParameterizedTest
  @EnumSource(
      value = Algorithm.class,
      names = {"RANDOM", "TPE"})
  void theSeedChangesTheSuggestions(Algorithm algorithm) {
    StudySearch search = search(algorithm);
    List<TrialObservation> trials = history(search);
    List<Suggestion> a = Sampler.suggest(search, Direction.MAXIMIZE, trials, 3);
    List<Suggestion> b = Sampler.suggest(search.withSeed(43), Direction.MAXIMIZE, trials, 3);
    assertThat(a).isNotEqualTo(b);
  }

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void everySuggestionIsInsideTheSpace(Algorithm algorithm) {
    StudySearch search = search(algorithm);
    for (Suggestion s : Sampler.suggest(search, Direction.MAXIMIZE, history(search), 20)) {
      Map<String, String> canonical =
          search.space().canonicalComplete(s.parameters()).orElseThrow();
      assertThat(canonical).isEqualTo(s.parameters());
    }
  }
}
