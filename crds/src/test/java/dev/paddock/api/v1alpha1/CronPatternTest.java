package dev.paddock.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schedule rule accepts what a CronJob accepts and refuses what is plainly not cron, or a field
 * out of its range.
 */
class CronPatternTest {

  private static final Pattern CRON = Pattern.compile(Cron.PATTERN);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0 2 * * 0",
        "*/15 * * * *",
        "0 0 1-15 JAN,FEB MON-FRI",
        "5,35 8-18/2 * * 1-5",
        "@daily",
        "@hourly",
        "59 23 31 12 6",
        "05 04 01 jan sun",
        "0 0-23/12 * Jan-Dec mon-fri"
      })
  void acceptsCron(String schedule) {
    assertThat(CRON.matcher(schedule).matches()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "every sunday",
        "0 2 * *",
        "0 2 * * 0 1",
        "@fortnightly",
        "",
        "0 2 ? * 0",
        "60 2 * * 0",
        "0 24 * * 0",
        "0 2 0 * 0",
        "0 2 32 * 0",
        "0 2 * 13 0",
        "0 2 * * 7",
        "*/0 2 * * 0",
        "0 2 * XYZ 0",
        "0 2 * * MON-FRY",
        "0 2 * JAN-MON 0",
        "0 2 * * */8",
        "*/60 2 * * 0"
      })
  void refusesWhatIsNotCron(String schedule) {
    assertThat(CRON.matcher(schedule).matches()).isFalse();
  }
}
