package dev.paddock.operator.rollout;

import java.time.Instant;

/**
 * One entry of a deployment's history: a promotion, a refusal or a rollback.
 *
 * @param action {@link #PROMOTED}, {@link #REFUSED} or {@link #ROLLED_BACK}
 */
public record RolloutRecord(String action, String code, String reason, Instant time) {
  public static final String PROMOTED = "Promoted";
  public static final String REFUSED = "Refused";
  public static final String ROLLED_BACK = "RolledBack";
}
