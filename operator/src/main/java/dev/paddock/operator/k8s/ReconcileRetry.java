package dev.paddock.operator.k8s;

import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.javaoperatorsdk.operator.processing.retry.Retry;
import java.time.Duration;

/**
 * How a reconcile that threw is tried again: {@code attempts} retries by the operator SDK, the
 * first {@code interval} later and each next one {@code multiplier} times the one before; then,
 * while it keeps failing, once every {@code recheck} ({@link ReconcileErrors}). The defaults are
 * the operator SDK's own retries (about 26 s in all) and a minute. A cluster whose quotas or
 * admission webhooks refuse often may want fewer, slower retries; a test, quicker ones.
 */
public record ReconcileRetry(int attempts, Duration interval, double multiplier, Duration recheck) {

  public static final ReconcileRetry DEFAULT =
      new ReconcileRetry(5, Duration.ofSeconds(2), 1.5, Duration.ofMinutes(1));

  public ReconcileRetry {
    if (attempts < 0) {
      throw new IllegalArgumentException(
          "retry attempts (PADDOCK_RETRY_ATTEMPTS) must be 0 or more");
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException(
          "the retry interval (PADDOCK_RETRY_INTERVAL_MILLIS) must be more than 0");
    }
    if (!(multiplier >= 1)) {
      throw new IllegalArgumentException(
          "the retry multiplier (PADDOCK_RETRY_MULTIPLIER) must be 1 or more");
    }
    if (recheck.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "the recheck interval (PADDOCK_RETRY_RECHECK_SECONDS) must be 1 s or more");
    }
  }

  /**
   * The operator SDK's retry with these attempts and intervals, none longer than {@code recheck}
   * (many attempts with a large multiplier would otherwise wait for hours).
   */
  public Retry sdkRetry() {
    return new GenericRetry()
        .setMaxAttempts(attempts)
        .setInitialInterval(interval.toMillis())
        .setIntervalMultiplier(multiplier)
        .setMaxInterval(Math.max(interval.toMillis(), recheck.toMillis()));
  }
}
