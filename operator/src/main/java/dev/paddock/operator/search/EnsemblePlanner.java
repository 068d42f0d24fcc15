package dev.paddock.operator.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Ensemble mode: the same parameters for every member, member {@code j} with seed {@code studySeed
 * + j}; members are suggested in order and each exactly once.
 */
final class EnsemblePlanner {
  private EnsemblePlanner() {}

  static Optional<Map<String, String>> next(StudySearch search, List<TrialObservation> trials) {
    EnsembleSettings ensemble = search.ensemble();
    Map<String, String> fixed = fixedCanonical(search);
    for (int member = 0; member < ensemble.size(); member++) {
      String seed = ensemble.memberSeed(search.seed(), member);
      boolean taken =
          trials.stream().anyMatch(t -> seed.equals(t.parameters().get(ensemble.seedParameter())));
      if (!taken) {
        return Optional.of(ensemble.memberParameters(fixed, search.seed(), member));
      }
    }
    return Optional.empty();
  }

  /** Declared parameters canonicalized, undeclared ones as given; sorted by name. */
  static Map<String, String> fixedCanonical(StudySearch search) {
    Map<String, String> fixed = new TreeMap<>();
    search
        .ensemble()
        .parameters()
        .forEach(
            (name, value) ->
                fixed.put(
                    name,
                    search.space().parameter(name).map(p -> p.canonical(value)).orElse(value)));
    return fixed;
  }
}
