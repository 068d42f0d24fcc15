package dev.paddock.operator.study;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * When a scheduled study ({@code spec.schedule}) starts its next generation. Like a CronJob with
 * {@code concurrencyPolicy: Forbid}: a tick while a generation runs is skipped, and however many
 * ticks passed while the operator was down, one run catches up. Times are UTC.
 */
public final class StudySchedule {

  /** The macros a CronJob accepts, as the five fields they stand for. */
  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");

  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final String expression;
  private final ExecutionTime execution;

  private StudySchedule(String expression, ExecutionTime execution) {
    this.expression = expression;
    this.execution = execution;
  }

  /** The schedule, or empty when the study has none. */
  public static Optional<StudySchedule> of(String expression) {
    if (expression == null || expression.isBlank()) {
      return Optional.empty();
    }
    String fields = MACROS.getOrDefault(expression.trim().toLowerCase(Locale.ROOT), expression);
    try {
      return Optional.of(
          new StudySchedule(
              expression, ExecutionTime.forCron(PARSER.parse(numberedDays(fields.trim())))));
    } catch (IllegalArgumentException e) {
      throw new InvalidStudyException(
          "schedule '" + expression + "' is not a cron expression: " + e.getMessage(), e);
    }
  }

  /**
   * The expression with day-of-week names as numbers (SUN is 0, as for a CronJob): the parser reads
   * SUN as 7, which made {@code SUN-SAT} a range from 7 down to 6.
   */
  static String numberedDays(String fields) {
    String[] parts = fields.split(" +");
    if (parts.length != 5) {
      return fields;
    }
    String days = parts[4].toUpperCase(Locale.ROOT);
    for (int i = 0; i < DAYS.size(); i++) {
      days = days.replace(DAYS.get(i), Integer.toString(i));
    }
    parts[4] = days;
    return String.join(" ", parts);
  }

  /** The first tick strictly after {@code instant}. */
  public Instant nextAfter(Instant instant) {
    return execution
        .nextExecution(instant.atZone(ZoneOffset.UTC))
        .orElseThrow(
            () ->
                new InvalidStudyException("schedule '" + expression + "' never fires again", null))
        .toInstant();
  }

  /**
   * The run due after a generation that ended at {@code ended}: the first tick after it (and after
   * the tick that started it, should the clock have gone back).
   */
  public Instant dueAfter(Instant ended, Instant lastScheduled) {
    Instant from = lastScheduled != null && lastScheduled.isAfter(ended) ? lastScheduled : ended;
    return nextAfter(from);
  }

  public String expression() {
    return expression;
  }
}
