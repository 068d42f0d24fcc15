package dev.paddock.operator.search;

/** What the domain logic needs to know of a trial's phase. */
public enum TrialState {
  /** Created and not finished yet (pending, running, or preempted and waiting to resume). */
  RUNNING,
  SUCCEEDED,
  FAILED,
  /** Stopped early by a pruner: its objective is the last value it reported. */
  PRUNED
}
