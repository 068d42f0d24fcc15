package dev.paddock.operator.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarmStartAndEnsembleTest {
  private final StudySearch tpe = StudySearch.of(Algorithm.TPE, 7, Fixtures.mlpSpace());

  @Test
  void initialEntriesComeFirstInOrderAndOnlyOnce() {
    StudySearch warm =
        tpe.withInitial(
            List.of(
                Map.of("lr", "1e-3", "hidden", "512,256,128", "batch_size", "256"),
                Map.of("lr", "0.0001", "hidden", "256,128,64", "batch_size", "64")));
    List<Suggestion> first = Sampler.suggest(warm, Direction.MAXIMIZE, List.of(), 3);
    assertThat(first.get(0).parameters())
        .containsExactly(
            Map.entry("lr", "0.001"),
            Map.entry("hidden", "512,256,128"),
            Map.entry("batch_size", "256"));
    assertThat(first.get(1).parameters()).containsEntry("lr", "0.0001");
    assertThat(first)
        .extracting(Suggestion::origin)
        .containsExactly("initial", "initial", "startup");

    List<TrialObservation> trials = new ArrayList<>();
    trials.add(TrialObservation.finished(0, first.get(0).parameters(), TrialState.SUCCEEDED, 0.2));
    List<Suggestion> next = Sampler.suggest(warm, Direction.MAXIMIZE, trials, 1);
    assertThat(next.get(0).parameters()).containsEntry("lr", "0.0001");
  }

  @Test
  void partialEntriesAreCompletedDeterministically() {
    StudySearch warm = tpe.withInitial(List.of(Map.of("hidden", "512,256,128")));
    Suggestion s = Sampler.suggest(warm, Direction.MAXIMIZE, List.of(), 1).get(0);
    assertThat(s.parameters())
        .containsEntry("hidden", "512,256,128")
        .containsKeys("lr", "batch_size");
    assertThat(Sampler.suggest(warm, Direction.MAXIMIZE, List.of(), 1).get(0)).isEqualTo(s);
  }

  @Test
  void invalidInitialEntriesAreRefusedAtOnce() {
    assertThatThrownBy(() -> tpe.withInitial(List.of(Map.of("lr", "5"))))
        .hasMessageContaining("search.initial[0]")
        .hasMessageContaining("outside");
    assertThatThrownBy(() -> tpe.withInitial(List.of(Map.of("momentum", "0.9"))))
        .hasMessageContaining("unknown parameter 'momentum'");
  }

  @Test
  void ensembleRepeatsOneParameterSetOverSeeds() {
    StudySearch ensemble =
        tpe.withEnsemble(
            new EnsembleSettings(
                4, Map.of("lr", "3.1e-4", "hidden", "512,256,128", "batch_size", "256"), null));
    List<Suggestion> members = Sampler.suggest(ensemble, Direction.MAXIMIZE, List.of(), 10);
    assertThat(members).hasSize(4);
    assertThat(members)
        .extracting(s -> s.parameters().get("seed"))
        .containsExactly("7", "8", "9", "10");
    assertThat(members).allSatisfy(s -> assertThat(s.parameters()).containsEntry("lr", "0.00031"));
    List<TrialObservation> trials = new ArrayList<>();
    double[] objectives = {0.20, 0.22, 0.18};
    for (int i = 0; i < 3; i++) {
      trials.add(
          TrialObservation.finished(
              i, members.get(i).parameters(), TrialState.SUCCEEDED, objectives[i]));
    }
    trials.add(TrialObservation.finished(3, members.get(3).parameters(), TrialState.FAILED, null));
    assertThat(Sampler.suggest(ensemble, Direction.MAXIMIZE, trials, 2)).isEmpty();

    EnsembleSummary summary = EnsembleSummary.of(ensemble.ensemble(), trials);
    assertThat(summary.members()).hasSize(4);
    assertThat(summary.completed()).isEqualTo(3);
    assertThat(summary.mean()).isCloseTo(0.20, within(1e-12));
    assertThat(summary.stdDev()).isCloseTo(0.02, within(1e-12));
    assertThat(summary.stdError()).isCloseTo(0.02 / Math.sqrt(3), within(1e-12));
    assertThat(summary.min()).isEqualTo(0.18);
    assertThat(summary.max()).isEqualTo(0.22);
    assertThat(summary.members().get(3).state()).isEqualTo(TrialState.FAILED);
  }

  @Test
  void ensembleSummaryOfNothingIsNaN() {
    EnsembleSummary empty =
        EnsembleSummary.of(new EnsembleSettings(3, Map.of(), "seed"), List.of());
    assertThat(empty.completed()).isZero();
    assertThat(empty.mean()).isNaN();
  }
}
