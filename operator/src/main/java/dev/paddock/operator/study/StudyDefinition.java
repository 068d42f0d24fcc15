package dev.paddock.operator.study;

import dev.paddock.operator.grading.GradingSpec;
import dev.paddock.operator.pruning.EarlyStopping;
import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.Objective;
import dev.paddock.operator.search.StudySearch;
import java.util.List;
import java.util.Objects;

/**
 * Everything the planner, pruner and grader need from a study's spec, validated.
 *
 * @param grading null when the study has no grading block
 * @param gradingDirection which way the graded metric is better
 */
public record StudyDefinition(
    String name,
    Objective objective,
    List<String> metrics,
    StudySearch search,
    Budget budget,
    EarlyStopping earlyStopping,
    int epochs,
    int maxRetries,
    GradingSpec grading,
    Direction gradingDirection) {

  public StudyDefinition {
    Objects.requireNonNull(name, "metadata.name");
    Objects.requireNonNull(objective, "spec.objective");
    Objects.requireNonNull(search, "spec.search");
    Objects.requireNonNull(budget, "spec.budget");
    metrics = List.copyOf(Objects.requireNonNullElse(metrics, List.of()));
    earlyStopping = Objects.requireNonNullElse(earlyStopping, EarlyStopping.NONE_SPEC);
    gradingDirection = Objects.requireNonNullElse(gradingDirection, objective.direction());
    if (epochs < 1) {
      throw new IllegalArgumentException("spec.trial.epochs must be >= 1, got " + epochs);
    }
  }

  /**
   * {@code spec.budget}.
   *
   * @param maxFailedTrials null: no limit
   * @param maxGpuHours null: no limit
   */
  public record Budget(
      int maxTrials, int parallelism, Integer maxFailedTrials, Double maxGpuHours) {
    public Budget {
      if (maxTrials < 1) {
        throw new IllegalArgumentException("spec.budget.maxTrials must be >= 1, got " + maxTrials);
      }
      if (parallelism < 1 || parallelism > maxTrials) {
        throw new IllegalArgumentException(
            "spec.budget.parallelism must be between 1 and maxTrials, got " + parallelism);
      }
    }
  }
}
