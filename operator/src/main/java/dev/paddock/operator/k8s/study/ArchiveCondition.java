package dev.paddock.operator.k8s.study;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The study's {@code ArchiveDegraded} condition: True while the artifact store cannot be reached or
 * refuses the operator (archiving and retention wait and retry), False once it works again. Its
 * message is the store's error naming the location, never the credentials.
 */
final class ArchiveCondition {

  static final String TYPE = "ArchiveDegraded";

  private ArchiveCondition() {}

  /**
   * @param problem null when the store works
   */
  static Condition of(List<Condition> previous, String problem, long generation, Instant now) {
    boolean degraded = problem != null;
    Condition before = find(previous);
    String status = degraded ? "True" : "False";
    String since =
        before != null && status.equals(before.getStatus())
            ? before.getLastTransitionTime()
            : now.toString();
    return new ConditionBuilder()
        .withType(TYPE)
        .withStatus(status)
        .withReason(degraded ? "StoreUnavailable" : "StoreAvailable")
        .withMessage(
            degraded
                ? StudyArchiving.bounded(problem)
                : "the artifact store answers; archive and retention are up to date")
        .withObservedGeneration(generation)
        .withLastTransitionTime(since)
        .build();
  }

  static boolean isDegraded(List<Condition> conditions) {
    Condition condition = find(conditions);
    return condition != null && "True".equals(condition.getStatus());
  }

  static Condition find(List<Condition> conditions) {
    if (conditions == null) {
      return null;
    }
    return conditions.stream()
        .filter(c -> Objects.equals(TYPE, c.getType()))
        .findFirst()
        .orElse(null);
  }
}
