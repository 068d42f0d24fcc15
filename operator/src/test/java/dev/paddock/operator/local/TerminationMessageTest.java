package dev.paddock.operator.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void aCrashQuotesTheLastLineTheTrainerWrote(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("trainer.log");
    Files.writeString(
        log,
        "epoch=1 loss=0.5\nTraceback (most recent call last):\n  File \"train.py\", line 3\n"
            + "FileNotFoundError: \u001b[31m/data/train.csv\u001b[0m\r\n\n");

    assertThat(TerminationMessage.inferred(1, false, 1, "stdout", log).error())
        .isEqualTo(
            "trainer exited with code 1 (last output: FileNotFoundError: [31m/data/train.csv[0m);"
                + " see "
                + log);
    assertThat(TerminationMessage.read(dir.resolve("none"), 137, log).error())
        .startsWith("trainer exited with code 137 (last output: FileNotFoundError:")
        .endsWith("and wrote no termination message; see " + log);
  }

  @Test
  void theQuotedLineIsShortAndAMissingOrBlankLogQuotesNothing(@TempDir Path dir)
      throws IOException {
    Path log = dir.resolve("trainer.log");
    Files.write(log, ("x".repeat(10_000) + "\n\u0000\u0007 \n").getBytes(StandardCharsets.UTF_8));
    assertThat(TerminationMessage.lastOutput(log))
        .hasSize(" (last output: )".length() + TerminationMessage.MAX_LAST_OUTPUT)
        .endsWith("xx...)");

    Files.writeString(log, "\n\n");
    assertThat(TerminationMessage.lastOutput(log)).isEmpty();
    assertThat(TerminationMessage.lastOutput(dir.resolve("missing"))).isEmpty();
    assertThat(TerminationMessage.inferred(1, false, 0, "stdout", LOG).error())
        .isEqualTo("trainer exited with code 1; see trainer.log");
  }
}
