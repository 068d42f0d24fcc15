package dev.paddock.operator.pruning;

/**
 * The answer to one epoch report: go on or stop, with a reason a person can read (it goes into the
 * trial's status and events).
 */
public record Decision(Action action, String reason) {

  public enum Action {
    CONTINUE,
    STOP
  }

  public static Decision proceed(String reason) {
    return new Decision(Action.CONTINUE, reason);
  }

  public static Decision stop(String reason) {
    return new Decision(Action.STOP, reason);
  }

  public boolean shouldStop() {
    return action == Action.STOP;
  }

  /** The trainer protocol's word: {@code continue} or {@code stop}. */
  public String wire() {
    return action == Action.STOP ? "stop" : "continue";
  }
}
