package dev.paddock.api.v1alpha1;

/** The cron syntax accepted by {@code spec.schedule}, as a schema pattern. */
final class Cron {
  private static final String NUMBER_OR_NAME = "([0-9]{1,2}|[A-Za-z]{3})";
  private static final String ITEM =
      "([*]|" + NUMBER_OR_NAME + "(-" + NUMBER_OR_NAME + ")?)(/[0-9]{1,2})?";
  private static final String FIELD = ITEM + "(," + ITEM + ")*";

  /** Five whitespace-separated fields, or one of the @-macros a CronJob accepts. */
  static final String PATTERN =
      "^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|"
          + FIELD
          + "( +"
          + FIELD
          + "){4})$";

  private Cron() {}
}
