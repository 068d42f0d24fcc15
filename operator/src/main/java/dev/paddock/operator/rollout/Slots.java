package dev.paddock.operator.rollout;

import java.time.Instant;

/** The primary slot serves; the backup is where a failed rollout returns to. */
public record Slots(Slot primary, Slot backup) {

  public static final Slots EMPTY = new Slots(null, null);

  /** The candidate becomes primary; the primary moves to backup. */
  public Slots promote(Slot candidate, Instant now) {
    Slot promoted =
        new Slot(
            candidate.code(),
            candidate.trial(),
            candidate.grade(),
            candidate.objective(),
            candidate.uri(),
            now);
    return new Slots(promoted, primary);
  }

  /** The backup returns to primary (a new revision never became ready). */
  public Slots rollBack(Instant now) {
    if (backup == null) {
      throw new IllegalStateException("no backup to roll back to");
    }
    Slot restored =
        new Slot(
            backup.code(), backup.trial(), backup.grade(), backup.objective(), backup.uri(), now);
    return new Slots(restored, null);
  }
}
