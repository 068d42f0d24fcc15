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
 */
public record RolloutState(
    Slots slots,
    boolean rollingOut,
    List<String> failedModels,
    String rolledBack,
    List<RolloutRecord> history) {

  /** At most this many history entries and failed models are kept (status stays small). */
  public static final int MAX_ENTRIES = 20;

  public static final RolloutState INITIAL =
      new RolloutState(Slots.EMPTY, false, List.of(), null, List.of());

  public RolloutState {
    failedModels = List.copyOf(failedModels);
    history = List.copyOf(history);
  }
}
