/**
 * Promotion of archived models into serving slots: the gates a candidate must pass (grade,
 * objective, improvement over the current primary), the primary/backup slot moves of a promotion
 * and a rollback, and the rollout state machine of a ModelDeployment ({@link
 * dev.paddock.operator.rollout.Rollout}: promote, refuse, run a canary, complete, roll back, with a
 * bounded history and the models that failed). Plain Java, used by the ModelDeployment reconciler
 * and the local runner's deploy step.
 */
package dev.paddock.operator.rollout;
