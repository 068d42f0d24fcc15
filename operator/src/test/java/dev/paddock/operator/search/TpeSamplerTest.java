package dev.paddock.operator.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TpeSamplerTest {

  @Test
  void beatsRandomSearchOnASimpleFunctionOverAFixedSetOfSeeds() {
    int tpeWins = 0;
    double tpeSum = 0;
    double randomSum = 0;
    for (long seed = 1; seed <= 12; seed++) {
      StudySearch tpe = StudySearch.of(Algorithm.TPE, seed, Fixtures.square());
      StudySearch random = StudySearch.of(Algorithm.RANDOM, seed, Fixtures.square());
      double tpeBest =
          Fixtures.best(
              Fixtures.run(tpe, Direction.MINIMIZE, 40, Fixtures::sphere), Direction.MINIMIZE);
      double randomBest =
          Fixtures.best(
              Fixtures.run(random, Direction.MINIMIZE, 40, Fixtures::sphere), Direction.MINIMIZE);
      tpeWins += tpeBest < randomBest ? 1 : 0;
      tpeSum += tpeBest;
      randomSum += randomBest;
    }
    assertThat(tpeWins).isGreaterThanOrEqualTo(9);
    assertThat(tpeSum).isLessThan(randomSum / 2);
  }

  @Test
  void univariateModeAlsoBeatsRandom() {
    int tpeWins = 0;
    TpeSettings univariate = new TpeSettings(10, 24, 0.25, 1.0, true, false);
    for (long seed = 1; seed <= 8; seed++) {
      StudySearch tpe = StudySearch.of(Algorithm.TPE, seed, Fixtures.square()).withTpe(univariate);
      StudySearch random = StudySearch.of(Algorithm.RANDOM, seed, Fixtures.square());
      double tpeBest =
          Fixtures.best(
              Fixtures.run(tpe, Direction.MINIMIZE, 40, Fixtures::sphere), Direction.MINIMIZE);
      double randomBest =
          Fixtures.best(
              Fixtures.run(random, Direction.MINIMIZE, 40, Fixtures::sphere), Direction.MINIMIZE);
      tpeWins += tpeBest < randomBest ? 1 : 0;
    }
    assertThat(tpeWins).isGreaterThanOrEqualTo(6);
  }

  @Test
  void learnsWhichCategoryAndLogScaleRegionIsGood() {
    // Best: the wide network with lr near 1e-3; maximize. Random search puts half of the trials in
    // each region; over six studies, TPE puts at least three quarters of trials 40-59 there.
    long wide = 0;
    long nearBestLr = 0;
    for (long seed = 3; seed <= 8; seed++) {
      StudySearch tpe = StudySearch.of(Algorithm.TPE, seed, Fixtures.mlpSpace());
      List<TrialObservation> trials =
          Fixtures.run(
              tpe,
              Direction.MAXIMIZE,
              60,
              p -> {
                double lr = Math.log10(Double.parseDouble(p.get("lr")));
                double w = p.get("hidden").startsWith("512") ? 0.3 : 0.0;
                return w - (lr + 3) * (lr + 3) * 0.1;
              });
      List<TrialObservation> tail = trials.subList(40, 60);
      wide += tail.stream().filter(t -> t.parameters().get("hidden").startsWith("512")).count();
      nearBestLr +=
          tail.stream()
              .filter(
                  t ->
                      Math.abs(Math.log10(Double.parseDouble(t.parameters().get("lr"))) + 3) < 0.75)
              .count();
    }
    assertThat(wide).isGreaterThanOrEqualTo(90);
    assertThat(nearBestLr).isGreaterThanOrEqualTo(90);
  }

  @Test
  void startupTrialsFormALatinHypercubeThenTpeTakesOver() {
    StudySearch tpe = StudySearch.of(Algorithm.TPE, 9, Fixtures.square());
    List<TrialObservation> trials = Fixtures.run(tpe, Direction.MINIMIZE, 10, Fixtures::sphere);
    // Each tenth of each parameter's range holds exactly one of the ten start-up trials.
    for (String name : List.of("x", "y")) {
      assertThat(
              trials.stream()
                  .map(t -> (int) Math.floor((Double.parseDouble(t.parameters().get(name)) + 5)))
                  .distinct()
                  .count())
          .as(name)
          .isEqualTo(10);
    }
    // A pure function of (seed, index): the same trials again, one at a time or as a batch.
    assertThat(Sampler.suggest(tpe, Direction.MINIMIZE, List.of(), 10))
        .extracting(Suggestion::parameters)
        .containsExactlyElementsOf(trials.stream().map(TrialObservation::parameters).toList());
    assertThat(Sampler.suggest(tpe, Direction.MINIMIZE, List.of(), 10))
        .extracting(Suggestion::origin)
        .containsOnly("startup");
    assertThat(Sampler.suggest(tpe, Direction.MINIMIZE, trials, 1).get(0).origin())
        .isEqualTo("tpe");
  }

  @Test
  void constantLiarSpreadsParallelSuggestions() {
    StudySearch withLiar = StudySearch.of(Algorithm.TPE, 5, Fixtures.square());
    StudySearch withoutLiar = withLiar.withTpe(new TpeSettings(10, 24, 0.25, 1.0, false, true));
    double spreadWith = 0;
    double spreadWithout = 0;
    for (long seed = 1; seed <= 6; seed++) {
      List<TrialObservation> trials =
          Fixtures.run(withLiar.withSeed(seed), Direction.MINIMIZE, 20, Fixtures::sphere);
      spreadWith +=
          meanPairwiseDistance(
              Sampler.suggest(withLiar.withSeed(seed), Direction.MINIMIZE, trials, 8));
      spreadWithout +=
          meanPairwiseDistance(
              Sampler.suggest(withoutLiar.withSeed(seed), Direction.MINIMIZE, trials, 8));
    }
    assertThat(spreadWith).isGreaterThan(spreadWithout);
  }

  @Test
  void importedHistoryWarmsUpTpeWithoutTakingIndices() {
    double tpeDistance = 0;
    double randomDistance = 0;
    for (long seed = 1; seed <= 6; seed++) {
      StudySearch tpe = StudySearch.of(Algorithm.TPE, seed, Fixtures.square());
      List<TrialObservation> other =
          Fixtures.run(tpe.withSeed(seed + 98), Direction.MINIMIZE, 30, Fixtures::sphere);
      List<Suggestion> next = Sampler.suggest(tpe, Direction.MINIMIZE, List.of(), other, 5);
      assertThat(next).extracting(Suggestion::origin).containsOnly("tpe");
      assertThat(next.get(0).index()).isZero();
      StudySearch random = StudySearch.of(Algorithm.RANDOM, seed, Fixtures.square());
      tpeDistance += meanDistanceToOptimum(next);
      randomDistance +=
          meanDistanceToOptimum(Sampler.suggest(random, Direction.MINIMIZE, List.of(), 5));
    }
    assertThat(tpeDistance).isLessThan(0.8 * randomDistance);
  }

  private static double meanDistanceToOptimum(List<Suggestion> suggestions) {
    return suggestions.stream()
        .mapToDouble(s -> Math.sqrt(Fixtures.sphere(s.parameters())))
        .average()
        .orElseThrow();
  }

  @Test
  void failedTrialsAreIgnoredAndDoNotBreakTheModel() {
    StudySearch tpe = StudySearch.of(Algorithm.TPE, 2, Fixtures.square());
    List<TrialObservation> trials =
        new ArrayList<>(Fixtures.run(tpe, Direction.MINIMIZE, 12, Fixtures::sphere));
    trials.add(TrialObservation.finished(12, Map.of("x", "0", "y", "0"), TrialState.FAILED, null));
    trials.add(
        TrialObservation.finished(13, Map.of("x", "99", "y", "0"), TrialState.SUCCEEDED, 1.0));
    assertThat(Sampler.suggest(tpe, Direction.MINIMIZE, trials, 3)).hasSize(3);
  }

  private static double meanPairwiseDistance(List<Suggestion> suggestions) {
    double total = 0;
    int pairs = 0;
    for (int i = 0; i < suggestions.size(); i++) {
      for (int j = i + 1; j < suggestions.size(); j++) {
        Map<String, String> a = suggestions.get(i).parameters();
        Map<String, String> b = suggestions.get(j).parameters();
        double dx = Double.parseDouble(a.get("x")) - Double.parseDouble(b.get("x"));
        double dy = Double.parseDouble(a.get("y")) - Double.parseDouble(b.get("y"));
        total += Math.sqrt(dx * dx + dy * dy);
        pairs++;
      }
    }
    return total / pairs;
  }
}
