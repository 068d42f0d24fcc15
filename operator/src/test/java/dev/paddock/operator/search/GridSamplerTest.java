package dev.paddock.operator.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridSamplerTest {
  private final SearchSpace space =
      SearchSpace.of(
          CategoricalParameter.of("hidden", "64", "128,64"),
          IntParameter.stepped("batch_size", 32, 96, 32),
          FloatParameter.stepped("dropout", 0.0, 0.2, 0.1));
  private final StudySearch grid = StudySearch.of(Algorithm.GRID, 1, space);

  @Test
  void enumeratesTheFullProductOnceInAStableOrder() {
    List<Suggestion> all = Sampler.suggest(grid, Direction.MAXIMIZE, List.of(), 100);
    assertThat(all).hasSize(2 * 3 * 3);
    assertThat(all.stream().map(Suggestion::parameters).distinct()).hasSize(18);
    assertThat(all.get(0).parameters())
        .containsExactly(
            Map.entry("hidden", "64"), Map.entry("batch_size", "32"), Map.entry("dropout", "0"));
    assertThat(all.get(1).parameters()).containsEntry("dropout", "0.1");
    assertThat(all.get(3).parameters()).containsEntry("batch_size", "64");
    assertThat(all.get(17).parameters())
        .containsExactly(
            Map.entry("hidden", "128,64"),
            Map.entry("batch_size", "96"),
            Map.entry("dropout", "0.2"));
    assertThat(all).extracting(Suggestion::index).startsWith(0L, 1L, 2L).endsWith(17L);
  }

  @Test
  void resumesWhereTheTrialsLeftOffAndEndsWhenExhausted() {
    List<Suggestion> all = Sampler.suggest(grid, Direction.MAXIMIZE, List.of(), 100);
    List<TrialObservation> trials = new ArrayList<>();
    for (Suggestion s : all.subList(0, 10)) {
      trials.add(TrialObservation.finished(s.index(), s.parameters(), TrialState.FAILED, null));
    }
    List<Suggestion> rest = Sampler.suggest(grid, Direction.MAXIMIZE, trials, 100);
    assertThat(rest)
        .extracting(Suggestion::parameters)
        .containsExactlyElementsOf(
            all.subList(10, 18).stream().map(Suggestion::parameters).toList());
    for (Suggestion s : rest) {
      trials.add(TrialObservation.running(s.index(), s.parameters()));
    }
    assertThat(Sampler.suggest(grid, Direction.MAXIMIZE, trials, 5)).isEmpty();
  }

  @Test
  void refusesInfiniteSpaces() {
    SearchSpace continuous =
        SearchSpace.of(FloatParameter.logScale("lr", 1e-5, 1e-2), IntParameter.range("n", 1, 4));
    assertThatThrownBy(() -> StudySearch.of(Algorithm.GRID, 1, continuous))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite")
        .hasMessageContaining("lr");
  }

  @Test
  void warmStartPointsAreNotRepeated() {
    StudySearch warm =
        grid.withInitial(List.of(Map.of("hidden", "128,64", "batch_size", "96", "dropout", "0.2")));
    List<Suggestion> all = Sampler.suggest(warm, Direction.MAXIMIZE, List.of(), 100);
    assertThat(all).hasSize(18);
    assertThat(all.get(0).origin()).isEqualTo("initial");
    assertThat(new HashSet<>(all.stream().map(Suggestion::parameters).toList())).hasSize(18);
  }
}
