package dev.paddock.operator.local;

import dev.paddock.operator.study.StudyDefinition;

/** Adapts a study definition to one machine. */
final class LocalDefinition {

  private LocalDefinition() {}

  /** The study's parallelism, capped by what this machine runs at once. */
  static StudyDefinition cappedParallelism(StudyDefinition study, int maxParallel) {
    StudyDefinition.Budget budget = study.budget();
    int parallelism = Math.min(budget.parallelism(), maxParallel);
    if (parallelism == budget.parallelism()) {
      return study;
    }
    return new StudyDefinition(
        study.name(),
        study.objective(),
        study.metrics(),
        study.search(),
        new StudyDefinition.Budget(
            budget.maxTrials(), parallelism, budget.maxFailedTrials(), budget.maxGpuHours()),
        study.earlyStopping(),
        study.epochs(),
        study.maxRetries(),
        study.grading(),
        study.gradingDirection());
  }
}
