package dev.paddock.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeadershipTest {

  /** fabric8's LeaderElector waits up to 20% longer than the retry period between attempts. */
  private static final double JITTER = 1.2;

  /**
   * A leader killed outright (SIGKILL, node loss) hands nothing over: a standby takes the lease
   * once a full lease duration has passed since the last renewal it observed (observed up to one
   * retry period late) and it tries again (another retry period). That must stay under 15 s; with
   * the operator SDK's defaults (15 s lease, 2 s retry) bench/chaos measured 16.7 s.
   */
  @Test
  void aStandbyTakesOverWithinFifteenSecondsOfTheLeadersCrash() {
    LeaderElectionConfiguration lease =
        new Leadership()
            .configuration(
                TestOperatorSettings.allNamespaces(
                    new ClusterSettings("http://r", "s3://b", null, null, null, null)));

    Duration worst =
        lease
            .getLeaseDuration()
            .plus(Duration.ofMillis((long) (2 * JITTER * lease.getRetryPeriod().toMillis())));

    assertThat(worst).isLessThan(Duration.ofSeconds(15));
    // fabric8 refuses a renew deadline outside (retry period x jitter, lease duration)
    assertThat(lease.getRenewDeadline()).isLessThan(lease.getLeaseDuration());
    assertThat(lease.getRenewDeadline().toMillis())
        .isGreaterThan((long) (JITTER * lease.getRetryPeriod().toMillis()));
  }
}
