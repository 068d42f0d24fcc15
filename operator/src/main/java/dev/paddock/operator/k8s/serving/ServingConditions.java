package dev.paddock.operator.k8s.serving;

import dev.paddock.operator.rollout.RolloutRecord;
import dev.paddock.operator.rollout.RolloutState;
import dev.paddock.operator.rollout.RolloutStep;
import dev.paddock.operator.rollout.Serving;
import dev.paddock.operator.rollout.Slot;
import dev.paddock.operator.rollout.Source;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The conditions of a ModelDeployment, as kstatus and Argo CD read them:
 *
 * <ul>
 *   <li>Ready: the workload serves the primary model on every replica;
 *   <li>Progressing: True while a canary runs or a promoted model rolls out; when False, its reason
 *       says how the last decision went (Complete, Refused and why, RolledBack,
 *       NoArchivedModel...);
 *   <li>RolledBack: True after a model did not become available in time and the backup returned,
 *       until a later rollout completes.
 * </ul>
 *
 * A condition keeps its lastTransitionTime while its status does not change.
 */
final class ServingConditions {

  static final String READY = "Ready";
  static final String PROGRESSING = "Progressing";
  static final String ROLLED_BACK = "RolledBack";

  private ServingConditions() {}

  /**
   * @param serving the workload as observed before this decision's changes were applied
   */
  static List<Condition> of(
      RolloutStep step,
      Source source,
      Serving serving,
      long generation,
      List<Condition> previous,
      Instant now) {
    RolloutState next = step.next();
    Condition ready = ready(next.slots().primary(), step, source, serving);
    Condition progressing = progressing(next, step, source);
    Condition rolledBack =
        next.rolledBack() != null
            ? condition(ROLLED_BACK, true, DeploymentProgress.TIMED_OUT_REASON, next.rolledBack())
            : condition(
                ROLLED_BACK,
                false,
                "NotRolledBack",
                "no rollback since the last completed rollout");
    return List.of(ready, progressing, rolledBack).stream()
        .map(c -> stamp(c, generation, previous, now))
        .toList();
  }

  private static Condition ready(Slot primary, RolloutStep step, Source source, Serving serving) {
    if (primary == null) {
      String reason =
          step.outcome() == RolloutStep.Outcome.REFUSED
              ? "Refused"
              : source.reason() != null ? source.reason() : "NoModel";
      return condition(READY, false, reason, "no model served yet: " + step.reason());
    }
    if (serving.is(primary.code(), Serving.Progress.AVAILABLE)) {
      return condition(READY, true, "Serving", "serving " + describe(primary));
    }
    if (serving.is(primary.code(), Serving.Progress.TIMED_OUT)) {
      return condition(
          READY,
          false,
          DeploymentProgress.TIMED_OUT_REASON,
          primary.code() + " did not become available within the progress deadline");
    }
    return condition(
        READY, false, "Pending", "waiting for " + primary.code() + " to become available");
  }

  private static Condition progressing(RolloutState next, RolloutStep step, Source source) {
    if (next.canary() != null) {
      return condition(
          PROGRESSING,
          true,
          "Canary",
          "canary " + next.canary().code() + " runs beside the primary before its promotion");
    }
    if (next.rollingOut()) {
      Slot primary = next.slots().primary();
      String why =
          next.history().stream()
              .filter(
                  r -> r.action().equals(RolloutRecord.PROMOTED) && r.code().equals(primary.code()))
              .findFirst()
              .map(r -> ": " + r.reason())
              .orElse("");
      return condition(PROGRESSING, true, "RollingOut", "rolling out " + primary.code() + why);
    }
    String reason =
        switch (step.outcome()) {
          case REFUSED -> "Refused";
          case ROLLED_BACK -> ROLLED_BACK;
          case CANARY_FAILED -> "CanaryFailed";
          case STUCK -> DeploymentProgress.TIMED_OUT_REASON;
          case NO_SOURCE -> source.reason();
          case WAITING -> "Pending";
          default -> "Complete";
        };
    return condition(PROGRESSING, false, reason, step.reason());
  }

  private static String describe(Slot slot) {
    if (slot.grade() == null || Double.isNaN(slot.objective())) {
      return slot.code();
    }
    return String.format(
        Locale.ROOT, "%s (grade %s, objective %.4g)", slot.code(), slot.grade(), slot.objective());
  }

  private static Condition condition(String type, boolean status, String reason, String message) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status ? "True" : "False")
        .withReason(reason)
        .withMessage(message)
        .build();
  }

  private static Condition stamp(
      Condition condition, long generation, List<Condition> previous, Instant now) {
    String since =
        ServingStatus.condition(previous, condition.getType())
            .filter(p -> condition.getStatus().equals(p.getStatus()))
            .map(Condition::getLastTransitionTime)
            .orElse(now.toString());
    condition.setObservedGeneration(generation);
    condition.setLastTransitionTime(since);
    return condition;
  }
}
