package dev.paddock.operator.k8s.study;

import dev.paddock.operator.study.StudyPhase;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.List;

/**
 * The study's conditions, as kstatus and Argo CD read them: Ready while it runs normally or has
 * succeeded, Succeeded and Failed once it has ended.
 */
final class StudyConditions {

  private StudyConditions() {}

  static List<Condition> of(
      StudyPhase phase, String reason, String message, long generation, Instant now) {
    boolean failed = phase == StudyPhase.FAILED;
    boolean succeeded = phase == StudyPhase.SUCCEEDED;
    return List.of(
        condition("Ready", !failed, reason, message, generation, now),
        condition("Succeeded", succeeded, reason, message, generation, now),
        condition("Failed", failed, reason, message, generation, now));
  }

  private static Condition condition(
      String type, boolean status, String reason, String message, long generation, Instant now) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status ? "True" : "False")
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(now.toString())
        .build();
  }
}
