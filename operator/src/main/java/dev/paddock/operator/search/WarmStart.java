package dev.paddock.operator.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code search.initial}: known parameter sets tried before the algorithm's own choices, in the
 * listed order. An entry counts as done once any trial carries all of its values, so nothing needs
 * to be remembered. Parameters an entry leaves out are drawn at random (from a stream of their own,
 * so they do not disturb the algorithm's draws), as Optuna's {@code enqueue_trial} does.
 */
final class WarmStart {
  private WarmStart() {}

  static Optional<Map<String, String>> next(
      StudySearch search, List<Map<String, String>> triedCanonical, long trialIndex) {
    for (Map<String, String> entry : search.initial()) {
      boolean done =
          triedCanonical.stream().anyMatch(t -> t.entrySet().containsAll(entry.entrySet()));
      if (!done) {
        return Optional.of(fill(search, entry, trialIndex));
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> fill(
      StudySearch search, Map<String, String> entry, long trialIndex) {
    TrialRandom random =
        TrialRandom.forTrial(search.seed(), trialIndex, TrialRandom.Purpose.WARM_START_FILL);
    Map<String, String> result = new LinkedHashMap<>();
    for (ParameterSpec p : search.space().parameters()) {
      String given = entry.get(p.name());
      result.put(p.name(), given != null ? given : p.sample(random));
    }
    return result;
  }
}
