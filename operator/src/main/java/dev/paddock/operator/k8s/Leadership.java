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

  private final AtomicBoolean closing = new AtomicBoolean();

  LeaderElectionConfiguration configuration(OperatorSettings settings) {
    return new LeaderElectionConfiguration(
        settings.leaseName(),
        settings.namespace(),
        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
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
