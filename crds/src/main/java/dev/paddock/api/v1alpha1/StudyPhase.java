package dev.paddock.api.v1alpha1;

/** Lifecycle of a study. */
public enum StudyPhase {
  Pending,
  Running,
  Succeeded,
  Failed,
  Suspended
}
