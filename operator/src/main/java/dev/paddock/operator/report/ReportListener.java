package dev.paddock.operator.report;

/**
 * Receives authenticated reports. Reports are at-least-once (a trainer re-sends what was not
 * acknowledged), so handling the same epoch twice must do no harm.
 */
@FunctionalInterface
public interface ReportListener {

  /**
   * @throws UnknownTrialException when no such trial is running (answered 404)
   * @throws NotReadyException when the listener cannot decide yet (answered 503: retry later)
   */
  ReportAnswer onEpoch(EpochReport report);

  /** The trial is not known here. */
  final class UnknownTrialException extends RuntimeException {
    public UnknownTrialException(TrialRef trial) {
      super("no running trial " + trial);
    }
  }

  /** Not able to answer yet, e.g. the operator's caches are still syncing. */
  final class NotReadyException extends RuntimeException {
    public NotReadyException(String message) {
      super(message);
    }
  }
}
