package dev.paddock.operator.rollout;

import dev.paddock.operator.search.Direction;

/**
 * How a deployment promotes: its gates, the study's direction, the progress deadline, and whether a
 * candidate first runs as a canary.
 *
 * @param canaryMinutes null: no canary; otherwise the minutes a canary must stay ready
 */
public record RolloutPolicy(
    Gates gates, Direction direction, int deadlineSeconds, Integer canaryMinutes) {

  public boolean canary() {
    return canaryMinutes != null;
  }
}
