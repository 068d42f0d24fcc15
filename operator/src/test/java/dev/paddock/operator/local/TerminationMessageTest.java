package dev.paddock.operator.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The summary of a collected trainer, which writes no termination message. */
class TerminationMessageTest {

  private static final Path LOG = Path.of("trainer.log");

  @Test
  void stoppedByTheRunnerIsStoppedWhateverItsExitCode() {
    assertThat(TerminationMessage.inferred(143, true, 4, "stdout", LOG).stopped()).isTrue();
  }

  @Test
  void exitZeroAfterEpochsIsCompleted() {
    assertThat(TerminationMessage.inferred(0, false, 10, "stdout", LOG).completed()).isTrue();
  }

  @Test
  void exitZeroWithNothingCollectedFailsForGoodSayingWhichCollector() {
    TerminationMessage m = TerminationMessage.inferred(0, false, 0, "file metrics.csv", LOG);
    assertThat(m.completed()).isFalse();
    assertThat(m.retryable()).isFalse();
    assertThat(m.error()).contains("file metrics.csv collector read no epoch");
  }

  @Test
  void aCrashIsRetryableUnlessItIsAUsageError() {
    assertThat(TerminationMessage.inferred(1, false, 3, "stdout", LOG).retryable()).isTrue();
    assertThat(TerminationMessage.inferred(2, false, 0, "stdout", LOG).retryable()).isFalse();
  }
}
