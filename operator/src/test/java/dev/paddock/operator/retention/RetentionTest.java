package dev.paddock.operator.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.operator.search.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {

  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  private static RetainedTrial trial(int index, Double objective, int daysAgo, boolean kept) {
    return new RetainedTrial(
        "s-" + index, index, objective, NOW.minus(Duration.ofDays(daysAgo)), kept);
  }

  private static final List<RetainedTrial> TRIALS =
      List.of(
          trial(0, 0.5, 10, false),
          trial(1, null, 9, false),
          trial(2, 0.9, 8, true),
          trial(3, 0.2, 1, false),
          trial(4, 0.7, 1, false),
          trial(5, 0.1, 20, true));

  @Test
  void theWorstBeyondKeepTrialsGoFirstButNeverAProtectedOne() {
    RetentionPlan plan =
        Retention.plan(new RetentionPolicy(3, null, false), Direction.MAXIMIZE, TRIALS, NOW);

    assertThat(plan.trials()).containsExactly("s-1", "s-3", "s-0");
    assertThat(plan.artifacts()).isEmpty();
  }

  @Test
  void minimizingMeansHighObjectivesAreWorst() {
    RetentionPlan plan =
        Retention.plan(new RetentionPolicy(4, null, false), Direction.MINIMIZE, TRIALS, NOW);

    assertThat(plan.trials()).containsExactly("s-1", "s-4");
  }

  @Test
  void expiredArtifactsOfUnprotectedTrialsGoAndADryRunSaysSo() {
    RetentionPlan plan =
        Retention.plan(new RetentionPolicy(null, 7, true), Direction.MAXIMIZE, TRIALS, NOW);

    assertThat(plan.artifacts()).containsExactly("s-0", "s-1");
    assertThat(plan.dryRun()).isTrue();
    assertThat(plan.summary()).startsWith("retention would delete 0 trial(s)");
  }

  @Test
  void theNextExpiryIsTheEarliestUnprotectedTrialStillWithinItsTtl() {
    RetentionPolicy sevenDays = new RetentionPolicy(null, 7, false);

    // s-3 and s-4 ended a day ago: six days left. s-0 and s-1 expired already; s-2, s-5 are kept.
    assertThat(Retention.nextArtifactExpiry(sevenDays, TRIALS, NOW))
        .contains(NOW.plus(Duration.ofDays(6)));
    assertThat(
            Retention.nextArtifactExpiry(
                sevenDays, List.of(trial(2, 0.9, 1, true), trial(0, 0.5, 10, false)), NOW))
        .isEmpty();
    assertThat(Retention.nextArtifactExpiry(new RetentionPolicy(3, null, false), TRIALS, NOW))
        .isEmpty();
  }

  @Test
  void noPolicyKeepsEverything() {
    assertThat(
            Retention.plan(RetentionPolicy.KEEP_EVERYTHING, Direction.MAXIMIZE, TRIALS, NOW)
                .isEmpty())
        .isTrue();
  }
}
