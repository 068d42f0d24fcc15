package dev.paddock.operator.rollout;

/**
 * The result of one rollout decision.
 *
 * @param next the state to remember
 * @param outcome what happened
 * @param code the model concerned (null when none)
 * @param reason the outcome in words
 * @param recorded true when a history entry was added (a person should be told: an Event)
 */
public record RolloutStep(
    RolloutState next, Outcome outcome, String code, String reason, boolean recorded) {

  /** What one decision did. */
  public enum Outcome {
    /** Nothing to do: the primary is the best model the source offers. */
    STEADY,
    /** The workload has not caught up with the primary yet, or a rollout is under way. */
    WAITING,
    /** The source offers no model (reason in {@link Source}). */
    NO_SOURCE,
    /** A better model became primary; the workload rolls to it. */
    PROMOTED,
    /** The source's best model did not pass the gates. */
    REFUSED,
    /** The promoted model became available: the rollout is over. */
    COMPLETED,
    /** The promoted model did not become available in time: the backup is primary again. */
    ROLLED_BACK,
    /** The promoted model did not become available in time and there is no backup to return to. */
    STUCK,
    /** A candidate that passed the gates started as a canary beside the primary. */
    CANARY_STARTED,
    /** The canary did not stay ready: it is dropped and never promoted. */
    CANARY_FAILED
  }
}
