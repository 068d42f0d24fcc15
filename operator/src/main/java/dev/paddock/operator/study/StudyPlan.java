package dev.paddock.operator.study;

import dev.paddock.operator.search.Suggestion;
import java.util.List;
import java.util.Optional;

/**
 * What a study should do now.
 *
 * @param reason a CamelCase word for conditions and events (e.g. {@code GoalReached})
 * @param message a sentence a person can read
 * @param create trials to create now, with their indices and parameters
 * @param stopRunning true when running trials must be stopped gracefully (goal reached, too many
 *     failures, suspended)
 */
public record StudyPlan(
    StudyPhase phase,
    String reason,
    String message,
    List<Suggestion> create,
    boolean stopRunning,
    TrialCounts counts,
    Optional<StudyTrial> best) {

  public StudyPlan {
    create = List.copyOf(create);
  }
}
