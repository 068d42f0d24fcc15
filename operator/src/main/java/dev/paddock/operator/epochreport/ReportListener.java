package dev.paddock.operator.epochreport;

/**
 * Receives authenticated reports. Reports are at-least-once (a trainer re-sends what was not
 * acknowledged), so handling the same epoch twice must do no harm.
 */
@FunctionalInterface
public interface ReportListener {

  /**
   * @throws UnknownTrialException when no such trial is running (answered 404)
   * @throws NotReadyException when the listener cannot decide yet (answered 503: retry later)
   * @throws NotThisTrialException when the token was issued for another object of the same name
   *     (answered 403)
   * @throws TrialEndedException when the trial has ended (answered 410 with decision stop)
   */
  ReportAnswer onEpoch(EpochReport report);

  /** The trial is not known here. */
  final class UnknownTrialException extends RuntimeException {
    public UnknownTrialException(TrialRef trial) {
      super("no running trial " + trial);
    }
  }

  /** The token's trial UID is not the trial's: a Trial that was deleted and created again. */
  final class NotThisTrialException extends RuntimeException {
    public NotThisTrialException(TrialRef trial) {
      super("token is not valid for trial " + trial);
    }
  }

  /** The trial has ended: nothing it reports counts any more. */
  final class TrialEndedException extends RuntimeException {
    public TrialEndedException(TrialRef trial) {
      super("trial " + trial + " has ended");
    }
  }

  /** Not able to answer yet, e.g. the operator's caches are still syncing. */
  final class NotReadyException extends RuntimeException {
    public NotReadyException(String message) {
      super(message);
    }
  }
}
