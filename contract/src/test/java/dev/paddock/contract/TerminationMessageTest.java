package dev.paddock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer's summary: written within the kubelet's limit, read back leniently. */
class TerminationMessageTest {

  private static final Path LOG = Path.of("trainer.log");

  @TempDir Path dir;

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
    assertThat(m.failed()).isTrue();
    assertThat(m.retryable()).isFalse();
    assertThat(m.error()).contains("file metrics.csv collector read no epoch");
  }

  @Test
  void aCrashIsRetryableUnlessItIsAUsageError() {
    assertThat(TerminationMessage.inferred(1, false, 3, "stdout", LOG).retryable()).isTrue();
    assertThat(TerminationMessage.inferred(2, false, 0, "stdout", LOG).retryable()).isFalse();
  }

  @Test
  void whatTheTrainerWritesTheRunnerReadsBack() {
    Path file = dir.resolve("termination-log");
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("val_f1", 0.5);
    metrics.put("val_loss", Double.NaN);
    new TerminationMessage("stopped", 7, metrics, null, false, "s3://b/p/").write(file);

    TerminationMessage read = TerminationMessage.read(file, 0, LOG);

    assertThat(read)
        .isEqualTo(
            new TerminationMessage("stopped", 7, Map.of("val_f1", 0.5), null, false, "s3://b/p/"));
  }

  @Test
  void noFileIsAFailureRetryableUnlessTheTrainerExitedWithAUsageError() throws Exception {
    Path none = dir.resolve("none");
    assertThat(TerminationMessage.read(none, 1, LOG).retryable()).isTrue();
    assertThat(TerminationMessage.read(none, 2, LOG).error())
        .contains("wrote no termination message");
    assertThat(TerminationMessage.read(none, 2, LOG).retryable()).isFalse();

    Path garbage = Files.writeString(dir.resolve("garbage"), "not json");
    assertThat(TerminationMessage.read(garbage, 0, LOG).error())
        .startsWith("unreadable termination message");
  }

  @Test
  void logLinesAsTheMessageGiveTheirLastJsonLine() {
    String logs =
        "INFO epoch 1 {\"epoch\":1}\n"
            + "paddock-summary {\"status\":\"completed\",\"epoch\":3,\"metrics\":{\"val_f1\":0.4,"
            + "\"note\":\"x\"},\"retryable\":false}\n";

    TerminationMessage m = TerminationMessage.parse(logs, TerminationMessage.FAILED).orElseThrow();

    assertThat(m.completed()).isTrue();
    assertThat(m.epoch()).isEqualTo(3);
    assertThat(m.metrics()).containsExactly(Map.entry("val_f1", 0.4));
    assertThat(TerminationMessage.parse("Error: out of memory", "failed")).isEmpty();
    assertThat(TerminationMessage.parse("{\"epoch\":2}", "completed").orElseThrow().status())
        .isEqualTo("completed");
  }

  @Test
  void staysUnderTheKubernetesLimitKeepingValidationMetrics() {
    Map<String, Double> many = new LinkedHashMap<>();
    for (int i = 0; i < 400; i++) {
      many.put("bt_period_" + i + "_auc", 0.5);
    }
    many.put("val_f1", 0.3);
    many.put("val_bad", Double.NaN);

    String json = new TerminationMessage("completed", 3, many, null, false, "s3://b/p/").toJson();

    assertThat(json.length()).isLessThanOrEqualTo(TerminationMessage.LIMIT);
    assertThat(json).contains("\"val_f1\":0.3").doesNotContain("NaN").doesNotContain("bt_period");
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
    assertThat(TerminationMessage.inferred(1, false, 0, "stdout", Path.of("trainer.log")).error())
        .isEqualTo("trainer exited with code 1; see trainer.log");
  }
}
