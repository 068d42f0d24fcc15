package dev.paddock.operator.rollout;

import java.time.Instant;

/**
 * One entry of a deployment's history: a promotion, a refusal or a rollback.
 *
 * @param action {@link #PROMOTED}, {@link #REFUSED}, {@link #ROLLED_BACK}, {@link #CANARY_STARTED}
 *     or {@link #CANARY_FAILED}
 */
public record RolloutRecord(String action, String code, String reason, Instant time) {
  public static final String PROMOTED = "Promoted";
  public static final String REFUSED = "Refused";
  public static final String ROLLED_BACK = "RolledBack";
  public static final String CANARY_STARTED = "CanaryStarted";
  public static final String CANARY_FAILED = "CanaryFailed";
}
