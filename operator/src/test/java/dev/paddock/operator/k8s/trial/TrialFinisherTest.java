package dev.paddock.operator.k8s.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.TrialPhase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a finished Job's outcome becomes the trial's phase and message. */
class TrialFinisherTest {

  private final TrialFinisher finisher =
      new TrialFinisher(
          TrialFixtures.study("ns", ""),
          "nvidia.com/gpu",
          Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC));

  private static JobOutcome stopped() {
    return new JobOutcome(true, true, "stopped", 3, Map.of("val_f1", 0.4), null, 12);
  }

  @Test
  void aStoppedTrialKeepsThePruningReasonTheReportEndpointWrote() {
    TrialStatusDraft status = new TrialStatusDraft();
    status.reason = "Pruned";
    status.message = "epoch 3: val_f1 0.4 below median 0.8 of 2 trials";

    finisher.finish(TrialFixtures.trial("ns", 4, "uid-4"), status, stopped(), List.of());

    assertThat(status.phase).isEqualTo(TrialPhase.Pruned);
    assertThat(status.message).isEqualTo("epoch 3: val_f1 0.4 below median 0.8 of 2 trials");
  }

  @Test
  void aStoppedTrialWithoutAPruningReasonDoesNotKeepAnOlderMessage() {
    TrialStatusDraft status = new TrialStatusDraft();
    status.reason = "Running";
    status.message = "the trainer is running (attempt 1)";

    finisher.finish(TrialFixtures.trial("ns", 4, "uid-4"), status, stopped(), List.of());

    assertThat(status.phase).isEqualTo(TrialPhase.Pruned);
    assertThat(status.reason).isEqualTo("Pruned");
    assertThat(status.message).isEqualTo("stopped early");
  }
}
