package dev.paddock.operator.rollout;

import java.util.List;

/**
 * What a deployment remembers between decisions (its status).
 *
 * @param rollingOut the primary was promoted and has not been seen available yet
 * @param failedModels codes rolled back for not becoming available, newest first: never promoted
 *     again from a study
 * @param rolledBack the last rollback in words, until a later rollout completes; null if none
 * @param history newest first
 * @param canary the candidate running beside the primary before its promotion; null if none
 */
public record RolloutState(
    Slots slots,
    boolean rollingOut,
    List<String> failedModels,
    String rolledBack,
    List<RolloutRecord> history,
    Slot canary) {

  /** At most this many history entries and failed models are kept (status stays small). */
  public static final int MAX_ENTRIES = 20;

  public static final RolloutState INITIAL =
      new RolloutState(Slots.EMPTY, false, List.of(), null, List.of(), null);

  public RolloutState {
    failedModels = List.copyOf(failedModels);
    history = List.copyOf(history);
  }

  /** A state with no canary. */
  public RolloutState(
      Slots slots,
      boolean rollingOut,
      List<String> failedModels,
      String rolledBack,
      List<RolloutRecord> history) {
    this(slots, rollingOut, failedModels, rolledBack, history, null);
  }
}
