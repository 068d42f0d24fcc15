package dev.paddock.operator.k8s.study;

import dev.paddock.operator.study.StudyPhase;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.List;

/**
 * The study's conditions, as kstatus and Argo CD read them: Ready while it runs normally or has
 * succeeded, Succeeded and Failed once it has ended (and Stalled while its reconcile keeps failing:
 * {@link dev.paddock.operator.k8s.ReconcileErrors}).
 */
final class StudyConditions {

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
