package dev.paddock.operator.k8s.study;

import dev.paddock.operator.k8s.ReconcileErrors;
import dev.paddock.operator.study.StudyPhase;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.List;

/**
 * The study's conditions, as kstatus and Argo CD read them: Ready while it runs normally or has
 * succeeded, Succeeded and Failed once it has ended; and Stalled, only while its reconcile keeps
 * failing (kstatus reads a True Stalled as a resource whose controller cannot make progress).
 */
final class StudyConditions {

  static final String STALLED = "Stalled";

  private StudyConditions() {}

  /**
   * @param previous the conditions the status had: a condition whose status did not change keeps
   *     its lastTransitionTime (it marks transitions, and an unchanged status is then an identical
   *     write)
   */
  static List<Condition> of(
      StudyPhase phase,
      String reason,
      String message,
      long generation,
      Instant now,
      List<Condition> previous) {
    boolean failed = phase == StudyPhase.FAILED;
    boolean succeeded = phase == StudyPhase.SUCCEEDED;
    return List.of(
        condition(
            "Ready", !failed, reason, message, generation, since("Ready", !failed, previous, now)),
        condition(
            "Succeeded",
            succeeded,
            reason,
            message,
            generation,
            since("Succeeded", succeeded, previous, now)),
        condition(
            "Failed", failed, reason, message, generation, since("Failed", failed, previous, now)));
  }

  /**
   * The conditions with Stalled set to {@code message}; empty when they already say it, so a
   * failure that lasts is written once.
   */
  static java.util.Optional<List<Condition>> stalled(
      List<Condition> previous, String message, long generation, Instant now) {
    List<Condition> others = previous == null ? List.of() : previous;
    boolean said =
        others.stream()
            .anyMatch(
                c ->
                    STALLED.equals(c.getType())
                        && "True".equals(c.getStatus())
                        && message.equals(c.getMessage()));
    if (said) {
      return java.util.Optional.empty();
    }
    List<Condition> conditions =
        new java.util.ArrayList<>(
            others.stream().filter(c -> !STALLED.equals(c.getType())).toList());
    conditions.add(
        condition(
            STALLED,
            true,
            ReconcileErrors.REASON,
            message,
            generation,
            since(STALLED, true, previous, now)));
    return java.util.Optional.of(List.copyOf(conditions));
  }

  private static String since(String type, boolean status, List<Condition> previous, Instant now) {
    if (previous != null) {
      for (Condition c : previous) {
        if (type.equals(c.getType())
            && (status ? "True" : "False").equals(c.getStatus())
            && c.getLastTransitionTime() != null) {
          return c.getLastTransitionTime();
        }
      }
    }
    return now.toString();
  }

  private static Condition condition(
      String type,
      boolean status,
      String reason,
      String message,
      long generation,
      String lastTransitionTime) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status ? "True" : "False")
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(lastTransitionTime)
        .build();
  }
}
