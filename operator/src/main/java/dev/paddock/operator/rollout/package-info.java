/**
 * Promotion of archived models into serving slots: the gates a candidate must pass (grade,
 * objective, improvement over the current primary) and the primary/backup slot moves of a promotion
 * and a rollback. Plain Java, used by the ModelDeployment reconciler and the local runner's deploy
 * step.
 */
package dev.paddock.operator.rollout;
