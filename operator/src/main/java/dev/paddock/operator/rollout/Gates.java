package dev.paddock.operator.rollout;

import dev.paddock.operator.grading.Grade;

/**
 * What a candidate must pass to be promoted.
 *
 * @param minGrade null: any grade
 * @param minObjective null: any value; otherwise at least this (maximize) or at most (minimize)
 * @param minImprovement null or 0: any improvement; otherwise by at least this over the primary
 */
public record Gates(Grade minGrade, Double minObjective, Double minImprovement) {
  public static final Gates NONE = new Gates(null, null, null);
}
