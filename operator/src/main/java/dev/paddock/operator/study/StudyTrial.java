package dev.paddock.operator.study;

import dev.paddock.operator.search.TrialObservation;
import java.util.Objects;

/**
 * A trial as the planner sees it: what the sampler sees, plus its name, once graded its grade and
 * code, and the history its suggestion was computed from (null for a Trial that does not record
 * it).
 */
public record StudyTrial(
    String name, TrialObservation observation, String grade, String code, SuggestionBasis basis) {
  public StudyTrial {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(observation, "observation");
  }

  public StudyTrial(String name, TrialObservation observation, String grade, String code) {
    this(name, observation, grade, code, null);
  }
}
