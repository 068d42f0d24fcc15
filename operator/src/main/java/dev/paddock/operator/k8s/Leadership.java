package dev.paddock.operator.k8s;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election for two or more replicas. A replica that loses its lease while running exits, so
 * that it never reconciles beside the new leader and its restart rejoins as a standby; a replica
 * being closed (SIGTERM, rollout) hands the lease over without exiting from inside its shutdown
 * hook, where {@code System.exit} would block forever (the operator SDK's own exit-on-stop does).
 */
final class Leadership {

  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

  /**
   * How long a lease outlives its holder's last renewal. The operator SDK's default (15 s, with a 2
   * s retry period) let a standby take over 16.7 s after the leader was SIGKILLed (bench/chaos):
   * the standby waits a full lease duration from the last renewal it observed, and then until its
   * next attempt. 10 s with a 1.5 s retry period bounds that at 10 + 2 x 1.8 s (retries carry up to
   * 20% jitter), under 15 s.
   */
  static final java.time.Duration LEASE_DURATION = java.time.Duration.ofSeconds(10);

  /** A leader that cannot renew for this long stops leading (and exits): below the lease. */
  static final java.time.Duration RENEW_DEADLINE = java.time.Duration.ofSeconds(7);

  /** How often the leader renews and a standby tries to acquire. */
  static final java.time.Duration RETRY_PERIOD = java.time.Duration.ofMillis(1500);

  private final AtomicBoolean closing = new AtomicBoolean();

  LeaderElectionConfiguration configuration(OperatorSettings settings) {
    return new LeaderElectionConfiguration(
        settings.leaseName(),
        settings.namespace(),
        LEASE_DURATION,
        RENEW_DEADLINE,
        RETRY_PERIOD,
        settings.podName(),
        new LeaderCallbacks(
            () -> LOG.info("{} leads: reconciling", settings.podName()),
            this::stoppedLeading,
            leader -> LOG.info("the leader is {}", leader)),
        false);
  }

  /** Called before the operator stops: losing the lease now is expected. */
  void closing() {
    closing.set(true);
  }

  private void stoppedLeading() {
    if (closing.get()) {
      LOG.info("handed the lease over");
      return;
    }
    LOG.error("lost the lease while running; exiting so that a restart rejoins as a standby");
    new Thread(() -> System.exit(1), "paddock-lost-lease").start();
  }
}
