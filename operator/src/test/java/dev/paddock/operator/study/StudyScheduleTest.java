package dev.paddock.operator.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StudyScheduleTest {

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  @Test
  void noScheduleIsEmpty() {
    assertThat(StudySchedule.of(null)).isEmpty();
    assertThat(StudySchedule.of(" ")).isEmpty();
  }

  @Test
  void theNextTickIsStrictlyAfterTheGivenInstantInUtc() {
    StudySchedule weekly = StudySchedule.of("0 2 * * 0").orElseThrow();

    // 2026-11-22 is a Sunday.
    assertThat(weekly.nextAfter(at("2026-11-22T01:59:59Z"))).isEqualTo(at("2026-11-22T02:00:00Z"));
    assertThat(weekly.nextAfter(at("2026-11-22T02:00:00Z"))).isEqualTo(at("2026-11-29T02:00:00Z"));
  }

  @Test
  void dayNamesCountFromSundayAsZeroAsACronJobCountsThem() {
    Instant saturdayNoon = at("2026-11-21T12:00:00Z");

    // The parser alone reads SUN as 7: SUN-SAT was a range from 7 down to 6, refused.
    assertThat(StudySchedule.of("0 9 * * sun-SAT").orElseThrow().nextAfter(saturdayNoon))
        .isEqualTo(at("2026-11-22T09:00:00Z"));
    assertThat(StudySchedule.of("0 9 * * SUN-TUE/2").orElseThrow().nextAfter(saturdayNoon))
        .isEqualTo(at("2026-11-22T09:00:00Z"));
    assertThat(StudySchedule.of("0 9 * * MON,WED").orElseThrow().nextAfter(saturdayNoon))
        .isEqualTo(at("2026-11-23T09:00:00Z"));
  }

  @Test
  void macrosAndNamesMeanWhatACronJobTakesThemToMean() {
    Instant saturdayNoon = at("2026-11-21T12:00:00Z");

    assertThat(StudySchedule.of("@daily").orElseThrow().nextAfter(saturdayNoon))
        .isEqualTo(at("2026-11-22T00:00:00Z"));
    assertThat(StudySchedule.of("@hourly").orElseThrow().nextAfter(saturdayNoon))
        .isEqualTo(at("2026-11-21T13:00:00Z"));
    assertThat(StudySchedule.of("@weekly").orElseThrow().nextAfter(saturdayNoon))
        .isEqualTo(at("2026-11-22T00:00:00Z"));
    assertThat(StudySchedule.of("@monthly").orElseThrow().nextAfter(saturdayNoon))
        .isEqualTo(at("2026-12-01T00:00:00Z"));
    assertThat(StudySchedule.of("@yearly").orElseThrow().nextAfter(saturdayNoon))
        .isEqualTo(at("2027-01-01T00:00:00Z"));
    assertThat(StudySchedule.of("30 6 * JAN MON").orElseThrow().nextAfter(saturdayNoon))
        .isEqualTo(at("2027-01-04T06:30:00Z"));
    assertThat(StudySchedule.of("*/15 * * * *").orElseThrow().nextAfter(saturdayNoon))
        .isEqualTo(at("2026-11-21T12:15:00Z"));
  }

  @Test
  void ticksWhileAGenerationRanAreSkippedAndMissedTicksCatchUpOnce() {
    StudySchedule hourly = StudySchedule.of("0 * * * *").orElseThrow();

    // Started by the 10:00 tick, ran past 11:00 and 12:00, ended 12:20: next run 13:00.
    assertThat(hourly.dueAfter(at("2026-11-21T12:20:00Z"), at("2026-11-21T10:00:00Z")))
        .isEqualTo(at("2026-11-21T13:00:00Z"));
    // Ended at 10:05; the operator was down until 15:30: one run, due 11:00, starts at once.
    assertThat(hourly.dueAfter(at("2026-11-21T10:05:00Z"), at("2026-11-21T10:00:00Z")))
        .isEqualTo(at("2026-11-21T11:00:00Z"));
    // A clock that went back never makes the same tick start two generations.
    assertThat(hourly.dueAfter(at("2026-11-21T09:59:00Z"), at("2026-11-21T10:00:00Z")))
        .isEqualTo(at("2026-11-21T11:00:00Z"));
  }

  @Test
  void anExpressionTheSchemaLetThroughButCronCannotReadIsRefusedReadably() {
    assertThatThrownBy(() -> StudySchedule.of("61 * * * *"))
        .isInstanceOf(InvalidStudyException.class)
        .hasMessageStartingWith("schedule '61 * * * *' is not a cron expression");
  }
}
