package dev.paddock.operator.study;

/** Lifecycle of a study, as in {@code TrainingStudy.status.phase}. */
public enum StudyPhase {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  SUSPENDED;

  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED;
  }
}
