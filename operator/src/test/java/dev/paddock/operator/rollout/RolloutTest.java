package dev.paddock.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.operator.grading.Grade;
import dev.paddock.operator.search.Direction;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RolloutTest {

  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  private static final int DEADLINE = 600;

  private static Slot slot(String code, Grade grade, double objective) {
    return new Slot(code, "t-" + code, grade, objective, "s3://p/archive/ns/s/" + code + "/", T0);
  }

  private static RolloutStep step(RolloutState state, Source source, Serving serving) {
    return Rollout.step(
        state, source, Gates.NONE, Direction.MAXIMIZE, serving, DEADLINE, T0.plusSeconds(60));
  }

  private static Serving available(String code) {
    return new Serving(code, Serving.Progress.AVAILABLE);
  }

  /** A deployment serving P (available), with Q as backup when given. */
  private static RolloutState serving(Slot primary, Slot backup) {
    return new RolloutState(new Slots(primary, backup), false, List.of(), null, List.of());
  }

  @Test
  void theFirstModelIsPromotedAndItsRolloutCompletesWhenAvailable() {
    RolloutStep promoted =
        step(RolloutState.INITIAL, Source.archived(slot("A1", Grade.A, 0.9)), Serving.ABSENT);

    assertThat(promoted.outcome()).isEqualTo(RolloutStep.Outcome.PROMOTED);
    assertThat(promoted.recorded()).isTrue();
    assertThat(promoted.next().rollingOut()).isTrue();
    assertThat(promoted.next().slots().primary().code()).isEqualTo("A1");
    assertThat(promoted.next().history())
        .extracting(RolloutRecord::action)
        .containsExactly(RolloutRecord.PROMOTED);

    RolloutStep stillRolling =
        step(
            promoted.next(),
            Source.archived(slot("A1", Grade.A, 0.9)),
            new Serving("A1", Serving.Progress.UPDATING));
    assertThat(stillRolling.outcome()).isEqualTo(RolloutStep.Outcome.WAITING);
    assertThat(stillRolling.next()).isEqualTo(promoted.next());

    RolloutStep done =
        step(stillRolling.next(), Source.archived(slot("A1", Grade.A, 0.9)), available("A1"));
    assertThat(done.outcome()).isEqualTo(RolloutStep.Outcome.COMPLETED);
    assertThat(done.next().rollingOut()).isFalse();
  }

  @Test
  void aBetterModelMovesThePrimaryToBackup() {
    Slot primary = slot("A1", Grade.A, 0.90);
    RolloutStep step =
        step(serving(primary, null), Source.archived(slot("S1", Grade.S, 0.95)), available("A1"));

    assertThat(step.outcome()).isEqualTo(RolloutStep.Outcome.PROMOTED);
    assertThat(step.reason()).isEqualTo("S1 improves on A1 by 0.05000");
    assertThat(step.next().slots().primary().code()).isEqualTo("S1");
    assertThat(step.next().slots().backup().code()).isEqualTo("A1");
  }

  @Test
  void nothingIsPromotedWhileARolloutIsUnderWayOrTheWorkloadLagsBehind() {
    Slot primary = slot("S1", Grade.S, 0.95);
    RolloutState rolling =
        new RolloutState(
            new Slots(primary, slot("A1", Grade.A, 0.9)), true, List.of(), null, List.of());
    RolloutStep during = step(rolling, Source.archived(slot("S2", Grade.S, 0.99)), available("A1"));
    assertThat(during.outcome()).isEqualTo(RolloutStep.Outcome.WAITING);
    assertThat(during.next()).isEqualTo(rolling);

    RolloutState afterRollback = serving(slot("A1", Grade.A, 0.9), null);
    RolloutStep lagging =
        step(
            afterRollback,
            Source.archived(slot("S2", Grade.S, 0.99)),
            new Serving("S1", Serving.Progress.TIMED_OUT));
    assertThat(lagging.outcome()).isEqualTo(RolloutStep.Outcome.WAITING);
    assertThat(lagging.next()).isEqualTo(afterRollback);
  }

  @Test
  void aCandidateThatTimesOutIsRolledBackAndRemembered() {
    Slot backup = slot("A1", Grade.A, 0.9);
    RolloutState rolling =
        new RolloutState(
            new Slots(slot("S1", Grade.S, 0.95), backup), true, List.of("X0"), null, List.of());

    RolloutStep step =
        step(
            rolling,
            Source.archived(slot("S1", Grade.S, 0.95)),
            new Serving("S1", Serving.Progress.TIMED_OUT));

    assertThat(step.outcome()).isEqualTo(RolloutStep.Outcome.ROLLED_BACK);
    assertThat(step.recorded()).isTrue();
    assertThat(step.reason())
        .isEqualTo("S1 did not become available within 600s; rolled back to A1");
    RolloutState next = step.next();
    assertThat(next.slots().primary().code()).isEqualTo("A1");
    assertThat(next.slots().backup()).isNull();
    assertThat(next.rollingOut()).isFalse();
    assertThat(next.failedModels()).containsExactly("S1", "X0");
    assertThat(next.rolledBack()).isEqualTo(step.reason());
    assertThat(next.history().get(0))
        .isEqualTo(
            new RolloutRecord(RolloutRecord.ROLLED_BACK, "S1", step.reason(), T0.plusSeconds(60)));
  }

  @Test
  void aTimedOutRevisionOfAnotherModelIsNotBlamedOnThePrimary() {
    RolloutState rolling =
        new RolloutState(
            new Slots(slot("S1", Grade.S, 0.95), slot("A1", Grade.A, 0.9)),
            true,
            List.of(),
            null,
            List.of());

    RolloutStep step =
        step(
            rolling,
            Source.archived(slot("S1", Grade.S, 0.95)),
            new Serving("A1", Serving.Progress.TIMED_OUT));

    assertThat(step.outcome()).isEqualTo(RolloutStep.Outcome.WAITING);
    assertThat(step.next()).isEqualTo(rolling);
  }

  @Test
  void withoutABackupATimedOutModelStaysPrimaryAndABetterOneMayFollow() {
    RolloutState rolling =
        new RolloutState(
            new Slots(slot("A1", Grade.A, 0.9), null), true, List.of(), null, List.of());
    Serving timedOut = new Serving("A1", Serving.Progress.TIMED_OUT);

    RolloutStep stuck = step(rolling, Source.archived(slot("A1", Grade.A, 0.9)), timedOut);
    assertThat(stuck.outcome()).isEqualTo(RolloutStep.Outcome.STUCK);
    assertThat(stuck.next().slots().primary().code()).isEqualTo("A1");
    assertThat(stuck.next().rollingOut()).isFalse();
    assertThat(stuck.next().failedModels()).isEmpty();

    RolloutStep next = step(stuck.next(), Source.archived(slot("S1", Grade.S, 0.95)), timedOut);
    assertThat(next.outcome()).isEqualTo(RolloutStep.Outcome.PROMOTED);
  }

  @Test
  void aRefusalIsRecordedOnceWithItsReason() {
    RolloutState state = serving(slot("A1", Grade.A, 0.9), null);
    Source worse = Source.archived(slot("B1", Grade.B, 0.95));
    Gates gates = new Gates(Grade.A, null, null);

    RolloutStep first =
        Rollout.step(state, worse, gates, Direction.MAXIMIZE, available("A1"), DEADLINE, T0);
    RolloutStep again =
        Rollout.step(first.next(), worse, gates, Direction.MAXIMIZE, available("A1"), DEADLINE, T0);

    assertThat(first.outcome()).isEqualTo(RolloutStep.Outcome.REFUSED);
    assertThat(first.reason()).isEqualTo("B1 is graded B, below the minimum A");
    assertThat(first.recorded()).isTrue();
    assertThat(again.outcome()).isEqualTo(RolloutStep.Outcome.REFUSED);
    assertThat(again.recorded()).isFalse();
    assertThat(again.next().history()).hasSize(1);
    assertThat(again.next().slots().primary().code()).isEqualTo("A1");
  }

  @Test
  void gatesFollowTheStudysDirection() {
    RolloutState state = serving(slot("L1", Grade.A, 0.30), null);
    Gates gates = new Gates(null, 0.28, 0.01);

    RolloutStep lower =
        Rollout.step(
            state,
            Source.archived(slot("L2", Grade.A, 0.25)),
            gates,
            Direction.MINIMIZE,
            available("L1"),
            DEADLINE,
            T0);
    RolloutStep barelyLower =
        Rollout.step(
            state,
            Source.archived(slot("L3", Grade.A, 0.295)),
            gates,
            Direction.MINIMIZE,
            available("L1"),
            DEADLINE,
            T0);

    assertThat(lower.outcome()).isEqualTo(RolloutStep.Outcome.PROMOTED);
    assertThat(barelyLower.outcome()).isEqualTo(RolloutStep.Outcome.REFUSED);
    assertThat(barelyLower.reason()).contains("short of the minimum 0.2800");
  }

  @Test
  void theBestArchivedModelSkipsFailedOnesAndFollowsTheDirection() {
    List<Slot> archived =
        List.of(slot("A", Grade.A, 0.9), slot("B", Grade.S, 0.99), slot("C", Grade.B, 0.8));

    assertThat(Rollout.best(archived, List.of(), Direction.MAXIMIZE))
        .get()
        .extracting(Slot::code)
        .isEqualTo("B");
    assertThat(Rollout.best(archived, List.of("B"), Direction.MAXIMIZE))
        .get()
        .extracting(Slot::code)
        .isEqualTo("A");
    assertThat(Rollout.best(archived, List.of(), Direction.MINIMIZE))
        .get()
        .extracting(Slot::code)
        .isEqualTo("C");
    assertThat(Rollout.best(archived, List.of("A", "B", "C"), Direction.MAXIMIZE)).isEmpty();
  }

  @Test
  void aPinnedModelIsServedWithoutGatesAndOnlyOnce() {
    RolloutState state = serving(slot("S1", Grade.S, 0.99), null);
    Slot pinned = new Slot("old", null, null, Double.NaN, "s3://p/models/old/", T0);
    Gates strict = new Gates(Grade.S, 0.99, 0.5);

    RolloutStep step =
        Rollout.step(
            state,
            Source.pinned(pinned),
            strict,
            Direction.MAXIMIZE,
            available("S1"),
            DEADLINE,
            T0);
    assertThat(step.outcome()).isEqualTo(RolloutStep.Outcome.PROMOTED);
    assertThat(step.reason()).isEqualTo("old is pinned");

    RolloutState served =
        new RolloutState(step.next().slots(), false, List.of(), null, step.next().history());
    RolloutStep again =
        Rollout.step(
            served,
            Source.pinned(pinned),
            strict,
            Direction.MAXIMIZE,
            available("old"),
            DEADLINE,
            T0);
    assertThat(again.outcome()).isEqualTo(RolloutStep.Outcome.STEADY);
  }

  @Test
  void noSourceKeepsServingThePrimary() {
    RolloutState state = serving(slot("A1", Grade.A, 0.9), null);

    RolloutStep step =
        step(state, Source.none("StudyNotFound", "TrainingStudy s not found"), available("A1"));

    assertThat(step.outcome()).isEqualTo(RolloutStep.Outcome.NO_SOURCE);
    assertThat(step.reason()).isEqualTo("TrainingStudy s not found");
    assertThat(step.next()).isEqualTo(state);
  }

  @Test
  void historyAndFailedModelsStayBounded() {
    RolloutState state = serving(slot("P", Grade.S, 0.999), null);
    for (int i = 0; i < 30; i++) {
      state = step(state, Source.archived(slot("W" + i, Grade.A, 0.5)), available("P")).next();
    }
    assertThat(state.history()).hasSize(RolloutState.MAX_ENTRIES);
    assertThat(state.history().get(0).code()).isEqualTo("W29");

    List<String> failed = List.of();
    for (int i = 0; i < 30; i++) {
      failed = Rollout.prepend(failed, "F" + i);
    }
    assertThat(failed).hasSize(RolloutState.MAX_ENTRIES).startsWith("F29");
  }

  @Test
  void aCompletedRolloutClearsTheLastRollback() {
    RolloutState rolling =
        new RolloutState(
            new Slots(slot("S2", Grade.S, 0.97), slot("A1", Grade.A, 0.9)),
            true,
            List.of("S1"),
            "S1 did not become available within 600s; rolled back to A1",
            List.of());

    RolloutStep done = step(rolling, Source.archived(slot("S2", Grade.S, 0.97)), available("S2"));

    assertThat(done.outcome()).isEqualTo(RolloutStep.Outcome.COMPLETED);
    assertThat(done.next().rolledBack()).isNull();
    assertThat(done.next().failedModels()).containsExactly("S1");
  }

  private static final RolloutPolicy CANARY =
      new RolloutPolicy(Gates.NONE, Direction.MAXIMIZE, 60, 5);

  @Test
  void withACanaryABetterModelFirstRunsBesideThePrimary() {
    RolloutState state = serving(slot("A1", Grade.A, 0.9), null);
    Source better = Source.archived(slot("S1", Grade.S, 0.95));

    RolloutStep started = Rollout.step(state, better, CANARY, available("A1"), Serving.ABSENT, T0);

    assertThat(started.outcome()).isEqualTo(RolloutStep.Outcome.CANARY_STARTED);
    assertThat(started.recorded()).isTrue();
    assertThat(started.reason())
        .isEqualTo(
            "S1 improves on A1 by 0.05000; running it as a canary for 5 min before promoting it");
    assertThat(started.next().canary().code()).isEqualTo("S1");
    assertThat(started.next().slots()).isEqualTo(state.slots());
    assertThat(started.next().rollingOut()).isFalse();

    RolloutStep running =
        Rollout.step(
            started.next(),
            Source.archived(slot("S2", Grade.S, 0.99)),
            CANARY,
            available("A1"),
            new Serving("S1", Serving.Progress.UPDATING),
            T0);
    assertThat(running.outcome()).isEqualTo(RolloutStep.Outcome.WAITING);
    assertThat(running.next()).isEqualTo(started.next());

    RolloutStep promoted =
        Rollout.step(started.next(), better, CANARY, available("A1"), available("S1"), T0);
    assertThat(promoted.outcome()).isEqualTo(RolloutStep.Outcome.PROMOTED);
    assertThat(promoted.reason()).isEqualTo("canary S1 stayed ready for 5 min");
    assertThat(promoted.next().canary()).isNull();
    assertThat(promoted.next().slots().primary().code()).isEqualTo("S1");
    assertThat(promoted.next().slots().backup().code()).isEqualTo("A1");
    assertThat(promoted.next().rollingOut()).isTrue();
  }

  @Test
  void aCanaryThatDoesNotStayReadyIsDroppedAndRemembered() {
    RolloutState canary =
        new RolloutState(
            new Slots(slot("A1", Grade.A, 0.9), null),
            false,
            List.of(),
            null,
            List.of(),
            slot("S1", Grade.S, 0.95));

    RolloutStep failed =
        Rollout.step(
            canary,
            Source.archived(slot("S1", Grade.S, 0.95)),
            CANARY,
            available("A1"),
            new Serving("S1", Serving.Progress.TIMED_OUT),
            T0);

    assertThat(failed.outcome()).isEqualTo(RolloutStep.Outcome.CANARY_FAILED);
    assertThat(failed.reason())
        .isEqualTo("canary S1 did not stay ready for 5 min within 360s; A1 stays primary");
    assertThat(failed.next().canary()).isNull();
    assertThat(failed.next().failedModels()).containsExactly("S1");
    assertThat(failed.next().slots()).isEqualTo(canary.slots());
    assertThat(failed.next().history().get(0).action()).isEqualTo(RolloutRecord.CANARY_FAILED);
  }

  @Test
  void theFirstModelAndPinnedModelsSkipTheCanary() {
    RolloutStep first =
        Rollout.step(
            RolloutState.INITIAL,
            Source.archived(slot("A1", Grade.A, 0.9)),
            CANARY,
            Serving.ABSENT,
            Serving.ABSENT,
            T0);
    RolloutStep pinned =
        Rollout.step(
            serving(slot("A1", Grade.A, 0.9), null),
            Source.pinned(slot("P1", Grade.B, 0.5)),
            CANARY,
            available("A1"),
            Serving.ABSENT,
            T0);

    assertThat(first.outcome()).isEqualTo(RolloutStep.Outcome.PROMOTED);
    assertThat(pinned.outcome()).isEqualTo(RolloutStep.Outcome.PROMOTED);
  }

  @Test
  void theSourceIsReadOnlyWhenAPromotionCouldFollow() {
    RolloutState served = serving(slot("A1", Grade.A, 0.9), null);
    RolloutState rolling =
        new RolloutState(
            new Slots(slot("S1", Grade.S, 0.95), slot("A1", Grade.A, 0.9)),
            true,
            List.of(),
            null,
            List.of());
    RolloutState canary =
        new RolloutState(
            served.slots(), false, List.of(), null, List.of(), slot("S1", Grade.S, 0.95));

    assertThat(Rollout.needsSource(RolloutState.INITIAL, Serving.ABSENT)).isTrue();
    assertThat(Rollout.needsSource(served, available("A1"))).isTrue();
    assertThat(Rollout.needsSource(served, new Serving("A1", Serving.Progress.UPDATING))).isFalse();
    assertThat(Rollout.needsSource(rolling, available("A1"))).isFalse();
    assertThat(Rollout.needsSource(canary, available("A1"))).isFalse();
  }
}
