package dev.paddock.operator.study;

import dev.paddock.operator.search.Suggestion;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a study should do now.
 *
 * @param reason a CamelCase word for conditions and events (e.g. {@code GoalReached})
 * @param message a sentence a person can read
 * @param create trials to create now, with their indices and parameters
 * @param bases by index of {@code create}: the history each suggestion saw, which its Trial records
 *     ({@link SuggestionBasis#ANNOTATION})
 * @param stopRunning true when running trials must be stopped gracefully (goal reached, too many
 *     failures, suspended)
 */
public record StudyPlan(
    StudyPhase phase,
    String reason,
    String message,
    List<Suggestion> create,
    Map<Long, SuggestionBasis> bases,
    boolean stopRunning,
    TrialCounts counts,
    Optional<StudyTrial> best) {

  public StudyPlan {
    create = List.copyOf(create);
    bases = Map.copyOf(bases);
  }

  /** A plan that creates nothing. */
  public StudyPlan(
      StudyPhase phase,
      String reason,
      String message,
      boolean stopRunning,
      TrialCounts counts,
      Optional<StudyTrial> best) {
    this(phase, reason, message, List.of(), Map.of(), stopRunning, counts, best);
  }

  /** The basis to record on the Trial created for {@code suggestion}. */
  public SuggestionBasis basis(Suggestion suggestion) {
    return bases.get(suggestion.index());
  }
}
