package dev.paddock.operator.epochreport;

/** The answer to a report: go on or stop gracefully, and why. */
public record ReportAnswer(boolean stop, String reason) {

  public static ReportAnswer proceed(String reason) {
    return new ReportAnswer(false, reason);
  }

  public static ReportAnswer stop(String reason) {
    return new ReportAnswer(true, reason);
  }
}
