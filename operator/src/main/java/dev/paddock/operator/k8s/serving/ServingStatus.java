package dev.paddock.operator.k8s.serving;

import dev.paddock.api.v1alpha1.ModelDeploymentStatus;
import dev.paddock.api.v1alpha1.ModelSlot;
import dev.paddock.api.v1alpha1.ModelSlots;
import dev.paddock.api.v1alpha1.RolloutEvent;
import dev.paddock.operator.grading.Grade;
import dev.paddock.operator.rollout.RolloutRecord;
import dev.paddock.operator.rollout.RolloutState;
import dev.paddock.operator.rollout.Slot;
import dev.paddock.operator.rollout.Slots;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A ModelDeployment's status as the rollout state it remembers, and back. Whether a rollout is
 * under way and the last rollback live in the Progressing and RolledBack conditions, so the status
 * holds nothing twice.
 */
final class ServingStatus {

  private ServingStatus() {}

  static RolloutState state(ModelDeploymentStatus status) {
    if (status == null) {
      return RolloutState.INITIAL;
    }
    List<Condition> conditions = Objects.requireNonNullElse(status.conditions(), List.of());
    ModelSlots slots = status.slots();
    // Progressing is True during a canary too; a rollout is under way only without one.
    boolean rollingOut =
        status.canary() == null
            && condition(conditions, ServingConditions.PROGRESSING)
                .map(ServingStatus::isTrue)
                .orElse(false);
    return new RolloutState(
        slots == null ? Slots.EMPTY : new Slots(slot(slots.primary()), slot(slots.backup())),
        rollingOut,
        Objects.requireNonNullElse(status.failedModels(), List.of()),
        condition(conditions, ServingConditions.ROLLED_BACK)
            .filter(ServingStatus::isTrue)
            .map(Condition::getMessage)
            .orElse(null),
        Objects.requireNonNullElse(status.history(), List.<RolloutEvent>of()).stream()
            .map(e -> new RolloutRecord(e.action(), e.code(), e.reason(), instant(e.time())))
            .toList(),
        slot(status.canary()));
  }

  static ModelDeploymentStatus of(RolloutState state, long generation, List<Condition> conditions) {
    Slots slots = state.slots();
    return new ModelDeploymentStatus(
        generation,
        slots.primary() == null && slots.backup() == null
            ? null
            : new ModelSlots(slot(slots.primary()), slot(slots.backup())),
        slot(state.canary()),
        state.history().isEmpty()
            ? null
            : state.history().stream()
                .map(r -> new RolloutEvent(r.action(), r.code(), r.reason(), r.time().toString()))
                .toList(),
        state.failedModels().isEmpty() ? null : state.failedModels(),
        conditions);
  }

  static Optional<Condition> condition(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static boolean isTrue(Condition condition) {
    return "True".equals(condition.getStatus());
  }

  private static Slot slot(ModelSlot slot) {
    if (slot == null) {
      return null;
    }
    return new Slot(
        slot.code(),
        slot.trial(),
        slot.grade() == null ? null : Grade.valueOf(slot.grade().name()),
        slot.objective() == null ? Double.NaN : slot.objective(),
        slot.uri(),
        instant(slot.since()));
  }

  private static ModelSlot slot(Slot slot) {
    if (slot == null) {
      return null;
    }
    return new ModelSlot(
        slot.trial(),
        slot.code(),
        slot.grade() == null ? null : dev.paddock.api.v1alpha1.Grade.valueOf(slot.grade().name()),
        Double.isNaN(slot.objective()) ? null : slot.objective(),
        slot.uri(),
        slot.since().toString());
  }

  private static Instant instant(String text) {
    return text == null ? Instant.EPOCH : Instant.parse(text);
  }
}
