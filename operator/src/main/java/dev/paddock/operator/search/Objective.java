package dev.paddock.operator.search;

import java.util.Objects;

/**
 * The metric a study optimizes, mirroring {@code spec.objective}.
 *
 * @param goal optional: the study may stop once a trial reaches it
 */
public record Objective(String metric, Direction direction, Double goal) {
  public Objective {
    Objects.requireNonNull(metric, "objective.metric");
    Objects.requireNonNull(direction, "objective.direction");
  }

  public Objective(String metric, Direction direction) {
    this(metric, direction, null);
  }

  /** True when {@code value} reaches the goal (never when there is no goal). */
  public boolean goalReached(double value) {
    return goal != null && !direction.isWorse(value, goal);
  }
}
