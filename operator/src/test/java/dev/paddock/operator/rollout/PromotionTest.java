package dev.paddock.operator.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.operator.grading.Grade;
import dev.paddock.operator.search.Direction;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PromotionTest {

  private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  private static Slot slot(String code, Grade grade, double objective) {
    return new Slot(
        code, "t-" + code, grade, objective, "s3://paddock/archive/ns/s/" + code + "/", T0);
  }

  @Test
  void theFirstModelPassingTheGatesIsPromoted() {
    Promotion promotion =
        Promotion.decide(
            Slots.EMPTY,
            slot("A1", Grade.A, 0.9),
            new Gates(Grade.A, 0.8, null),
            Direction.MAXIMIZE);

    assertThat(promotion.promote()).isTrue();
    assertThat(promotion.reason()).isEqualTo("A1 is the first model to pass the gates");
  }

  @Test
  void eachGateRefusesWithItsReason() {
    Slots current = new Slots(slot("P", Grade.A, 0.90), null);

    assertThat(
            Promotion.decide(
                    current,
                    slot("B1", Grade.B, 0.99),
                    new Gates(Grade.A, null, null),
                    Direction.MAXIMIZE)
                .reason())
        .isEqualTo("B1 is graded B, below the minimum A");
    assertThat(
            Promotion.decide(
                    Slots.EMPTY,
                    slot("A2", Grade.A, 0.7),
                    new Gates(null, 0.8, null),
                    Direction.MAXIMIZE)
                .reason())
        .isEqualTo("A2 has objective 0.7000, short of the minimum 0.8000");
    assertThat(
            Promotion.decide(
                    current,
                    slot("A3", Grade.A, 0.903),
                    new Gates(null, null, 0.005),
                    Direction.MAXIMIZE)
                .promote())
        .isFalse();
    assertThat(
            Promotion.decide(
                    current,
                    slot("A4", Grade.A, 0.906),
                    new Gates(null, null, 0.005),
                    Direction.MAXIMIZE)
                .promote())
        .isTrue();
  }

  @Test
  void minimizingMeansLowerIsBetter() {
    Slots current = new Slots(slot("P", Grade.A, 0.30), null);

    assertThat(
            Promotion.decide(current, slot("L", Grade.A, 0.25), Gates.NONE, Direction.MINIMIZE)
                .promote())
        .isTrue();
    assertThat(
            Promotion.decide(current, slot("H", Grade.A, 0.35), Gates.NONE, Direction.MINIMIZE)
                .promote())
        .isFalse();
  }

  @Test
  void theSamePrimaryIsNotPromotedAgain() {
    Slots current = new Slots(slot("P", Grade.S, 0.99), null);

    assertThat(
            Promotion.decide(current, slot("P", Grade.S, 0.99), Gates.NONE, Direction.MAXIMIZE)
                .promote())
        .isFalse();
  }

  @Test
  void promotionMovesThePrimaryToBackupAndRollbackRestoresIt() {
    Instant t1 = T0.plusSeconds(60);
    Slots promoted = new Slots(slot("P", Grade.A, 0.9), null).promote(slot("N", Grade.S, 0.95), t1);

    assertThat(promoted.primary().code()).isEqualTo("N");
    assertThat(promoted.primary().since()).isEqualTo(t1);
    assertThat(promoted.backup().code()).isEqualTo("P");
    Slots rolledBack = promoted.rollBack(t1.plusSeconds(600));
    assertThat(rolledBack.primary().code()).isEqualTo("P");
    assertThat(rolledBack.backup()).isNull();
    assertThatThrownBy(() -> rolledBack.rollBack(t1)).hasMessageContaining("no backup");
  }
}
