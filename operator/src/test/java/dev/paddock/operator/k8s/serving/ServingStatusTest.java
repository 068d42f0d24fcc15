package dev.paddock.operator.k8s.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.ModelDeploymentStatus;
import dev.paddock.operator.grading.Grade;
import dev.paddock.operator.rollout.Gates;
import dev.paddock.operator.rollout.Rollout;
import dev.paddock.operator.rollout.RolloutRecord;
import dev.paddock.operator.rollout.RolloutState;
import dev.paddock.operator.rollout.RolloutStep;
import dev.paddock.operator.rollout.Serving;
import dev.paddock.operator.rollout.Slot;
import dev.paddock.operator.rollout.Slots;
import dev.paddock.operator.rollout.Source;
import dev.paddock.operator.search.Direction;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServingStatusTest {

  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  private static Slot slot(String code, double objective) {
    return new Slot(code, "t-" + code, Grade.A, objective, "s3://p/" + code + "/", T0);
  }

  private static ModelDeploymentStatus status(
      RolloutStep step, Source source, Serving serving, List<Condition> previous, Instant now) {
    return ServingStatus.of(
        step.next(), 4, ServingConditions.of(step, source, serving, 4, previous, now));
  }

  private static Condition condition(ModelDeploymentStatus status, String type) {
    return ServingStatus.condition(status.conditions(), type).orElseThrow();
  }

  @Test
  void theStateSurvivesTheRoundTripThroughTheStatus() {
    Source source = Source.archived(slot("S1", 0.97));
    RolloutState before =
        new RolloutState(
            new Slots(slot("A1", 0.9), null),
            false,
            List.of("X1"),
            "X1 did not become available within 60s; rolled back to A1",
            List.of(new RolloutRecord(RolloutRecord.ROLLED_BACK, "X1", "why", T0)));
    RolloutStep step =
        Rollout.step(
            before,
            source,
            Gates.NONE,
            Direction.MAXIMIZE,
            new Serving("A1", Serving.Progress.AVAILABLE),
            60,
            T0.plusSeconds(5));

    ModelDeploymentStatus status =
        status(step, source, new Serving("A1", Serving.Progress.AVAILABLE), List.of(), T0);

    assertThat(status.observedGeneration()).isEqualTo(4);
    assertThat(status.slots().primary().code()).isEqualTo("S1");
    assertThat(status.slots().backup().objective()).isEqualTo(0.9);
    assertThat(ServingStatus.state(status)).isEqualTo(step.next());
    assertThat(condition(status, "Progressing").getStatus()).isEqualTo("True");
    assertThat(condition(status, "Progressing").getMessage())
        .isEqualTo("rolling out S1: S1 improves on A1 by 0.07000");
    assertThat(condition(status, "Ready").getReason()).isEqualTo("Pending");
    assertThat(condition(status, "RolledBack").getStatus()).isEqualTo("True");
    assertThat(status.conditions()).allMatch(c -> c.getObservedGeneration() == 4L);
  }

  @Test
  void aConditionKeepsItsTransitionTimeWhileItsStatusHolds() {
    RolloutState state =
        new RolloutState(new Slots(slot("A1", 0.9), null), false, List.of(), null, List.of());
    Source source = Source.archived(slot("A1", 0.9));
    Serving available = new Serving("A1", Serving.Progress.AVAILABLE);
    RolloutStep step =
        Rollout.step(state, source, Gates.NONE, Direction.MAXIMIZE, available, 60, T0);

    ModelDeploymentStatus first = status(step, source, available, List.of(), T0);
    ModelDeploymentStatus later =
        status(step, source, available, first.conditions(), T0.plusSeconds(300));
    ModelDeploymentStatus broken =
        status(
            step,
            source,
            new Serving("A1", Serving.Progress.TIMED_OUT),
            first.conditions(),
            T0.plusSeconds(600));

    assertThat(condition(first, "Ready").getStatus()).isEqualTo("True");
    assertThat(condition(first, "Ready").getMessage())
        .isEqualTo("serving A1 (grade A, objective 0.9000)");
    assertThat(later).isEqualTo(first);
    assertThat(condition(broken, "Ready").getReason()).isEqualTo("ProgressDeadlineExceeded");
    assertThat(condition(broken, "Ready").getLastTransitionTime())
        .isEqualTo(T0.plusSeconds(600).toString());
    assertThat(condition(broken, "Progressing").getLastTransitionTime()).isEqualTo(T0.toString());
  }

  @Test
  void aCanaryIsKeptInTheStatusAndIsNotARolloutUnderWay() {
    RolloutState canary =
        new RolloutState(
            new Slots(slot("A1", 0.9), null), false, List.of(), null, List.of(), slot("S1", 0.95));
    Source source = Source.archived(slot("S1", 0.95));
    Serving available = new Serving("A1", Serving.Progress.AVAILABLE);
    RolloutStep step =
        Rollout.step(
            canary,
            source,
            new dev.paddock.operator.rollout.RolloutPolicy(Gates.NONE, Direction.MAXIMIZE, 60, 1),
            available,
            new Serving("S1", Serving.Progress.UPDATING),
            T0);

    ModelDeploymentStatus status = status(step, source, available, List.of(), T0);

    assertThat(status.canary().code()).isEqualTo("S1");
    assertThat(condition(status, "Progressing").getStatus()).isEqualTo("True");
    assertThat(condition(status, "Progressing").getReason()).isEqualTo("Canary");
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
    assertThat(ServingStatus.state(status)).isEqualTo(canary);
  }
}
