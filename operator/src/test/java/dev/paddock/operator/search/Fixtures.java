package dev.paddock.operator.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Shared spaces and a tiny in-memory study loop for the search tests. */
final class Fixtures {
  private Fixtures() {}

  static SearchSpace mlpSpace() {
    return SearchSpace.of(
        FloatParameter.logScale("lr", 1e-5, 1e-2),
        CategoricalParameter.of("hidden", "256,128,64", "512,256,128"),
        IntParameter.stepped("batch_size", 32, 1024, 32));
  }

  static SearchSpace square() {
    return SearchSpace.of(FloatParameter.linear("x", -5, 5), FloatParameter.linear("y", -5, 5));
  }

  /** Runs a sequential study of {@code budget} trials and returns its trials. */
  static List<TrialObservation> run(
      StudySearch search,
      Direction direction,
      int budget,
      ToDoubleFunction<Map<String, String>> objective) {
    List<TrialObservation> trials = new ArrayList<>();
    for (int i = 0; i < budget; i++) {
      Suggestion s = Sampler.suggest(search, direction, trials, 1).get(0);
      trials.add(
          TrialObservation.finished(
              s.index(),
              s.parameters(),
              TrialState.SUCCEEDED,
              objective.applyAsDouble(s.parameters())));
    }
    return trials;
  }

  static double best(List<TrialObservation> trials, Direction direction) {
    return trials.stream().map(TrialObservation::objective).reduce(direction::best).orElseThrow();
  }

  static double sphere(Map<String, String> p) {
    double x = Double.parseDouble(p.get("x")) - 1.3;
    double y = Double.parseDouble(p.get("y")) + 0.7;
    return x * x + y * y;
  }
}
