package dev.paddock.operator.study;

import dev.paddock.operator.search.TrialObservation;
import java.util.Objects;

/**
 * A trial as the planner sees it: what the sampler sees, plus its name and, once graded, its grade
 * and code.
 */
public record StudyTrial(String name, TrialObservation observation, String grade, String code) {
  public StudyTrial {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(observation, "observation");
  }
}
