package dev.paddock.api.v1alpha1;

/** Lifecycle of a trial. Preempted trials are retried without counting as failures. */
public enum TrialPhase {
  Pending,
  Running,
  Succeeded,
  Failed,
  Pruned,
  Preempted
}
