package dev.paddock.api.v1alpha1;

/**
 * The cron syntax accepted by {@code spec.schedule}, as a regular expression for a CEL rule: each
 * of the five fields is checked against its own range (minute 0-59, hour 0-23, day of month 1-31,
 * month 1-12 or JAN-DEC, day of week 0-6 or SUN-SAT), and so is a step (at most the field's largest
 * value, 6 for days of the week), as the operator's cron parser wants. What a regular expression
 * cannot see (a range whose start is after its end, a date that never comes such as 31 FEB) is left
 * to the operator's schedule, which reports it in the study's status.
 */
final class Cron {
  private static final String MINUTE_STEP = "[1-9]|[1-5][0-9]";
  private static final String MINUTE = "[0-5]?[0-9]";
  private static final String HOUR_STEP = "[1-9]|1[0-9]|2[0-3]";
  private static final String HOUR = "[01]?[0-9]|2[0-3]";
  private static final String DAY_OF_MONTH_STEP = "[1-9]|[12][0-9]|3[01]";
  private static final String DAY_OF_MONTH = "0?[1-9]|[12][0-9]|3[01]";
  private static final String MONTH_STEP = "[1-9]|1[0-2]";
  private static final String MONTH =
      "0?[1-9]|1[0-2]|(?i:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)";
  private static final String DAY_OF_WEEK_STEP = "[1-6]";
  private static final String DAY_OF_WEEK = "[0-6]|(?i:SUN|MON|TUE|WED|THU|FRI|SAT)";

  /** Five whitespace-separated fields, or one of the @-macros a CronJob accepts. */
  static final String PATTERN =
      "^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|"
          + ("([*]|(" + MINUTE + ")(-(" + MINUTE + "))?)(/(" + MINUTE_STEP + "))?")
          + ("(,([*]|(" + MINUTE + ")(-(" + MINUTE + "))?)(/(" + MINUTE_STEP + "))?)*")
          + (" +([*]|(" + HOUR + ")(-(" + HOUR + "))?)(/(" + HOUR_STEP + "))?")
          + ("(,([*]|(" + HOUR + ")(-(" + HOUR + "))?)(/(" + HOUR_STEP + "))?)*")
          + (" +([*]|("
              + DAY_OF_MONTH
              + ")(-("
              + DAY_OF_MONTH
              + "))?)(/("
              + DAY_OF_MONTH_STEP
              + "))?")
          + ("(,([*]|("
              + DAY_OF_MONTH
              + ")(-("
              + DAY_OF_MONTH
              + "))?)(/("
              + DAY_OF_MONTH_STEP
              + "))?)*")
          + (" +([*]|(" + MONTH + ")(-(" + MONTH + "))?)(/(" + MONTH_STEP + "))?")
          + ("(,([*]|(" + MONTH + ")(-(" + MONTH + "))?)(/(" + MONTH_STEP + "))?)*")
          + (" +([*]|(" + DAY_OF_WEEK + ")(-(" + DAY_OF_WEEK + "))?)(/(" + DAY_OF_WEEK_STEP + "))?")
          + ("(,([*]|("
              + DAY_OF_WEEK
              + ")(-("
              + DAY_OF_WEEK
              + "))?)(/("
              + DAY_OF_WEEK_STEP
              + "))?)*")
          + ")$";

  private Cron() {}
}
