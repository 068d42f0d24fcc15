package dev.paddock.operator.local;

import dev.paddock.operator.study.StudyDefinition;
import java.util.Locale;
import java.util.Optional;

/** Adapts a study definition to one machine. */
final class LocalDefinition {

  private LocalDefinition() {}

  /**
   * What to tell the user when {@code maxParallel} (--parallel, by default one trial per core)
   * lowers the study's parallelism; empty when it does not.
   */
  static Optional<String> capNotice(StudyDefinition study, int maxParallel, int cores) {
    int parallelism = study.budget().parallelism();
    if (maxParallel >= parallelism) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "running at most %d trial%s at once, below the study's parallelism of %d"
                + " (--parallel %d; the default is one per core, %d here)",
            maxParallel,
            maxParallel == 1 ? "" : "s",
            parallelism,
            maxParallel,
            cores));
  }

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
