package dev.paddock.operator.collector;

import dev.paddock.contract.TerminationMessage;
import java.util.List;

/**
 * The trial's summary as the collector saw it, written as the sidecar's termination message: the
 * operator takes it when the trainer wrote none of its own (a script that only prints). The same
 * rules as the local runner's: stopped when the study stopped it, completed when it exited 0 after
 * at least one epoch was read, failed otherwise with why (and its last lines).
 */
final class CollectorSummary {

  private static final int MESSAGE_LINES = 5;

  private CollectorSummary() {}

  static TerminationMessage of(
      TrainerExit exit, CollectedEpochs epochs, CollectorChoice choice, List<String> lastLines) {
    String problems =
        epochs.problems().isEmpty() ? "" : "; " + String.join("; ", epochs.problems());
    if (exit.execError() != null) {
      return TerminationMessage.failure(
          0, "the trainer's command " + exit.describe() + problems, false);
    }
    if (exit.stopped()) {
      return new TerminationMessage(
          TerminationMessage.STOPPED, epochs.lastEpoch(), epochs.lastMetrics(), null, false);
    }
    if (epochs.outputLost() != null) {
      return failed(epochs, epochs.outputLost() + problems, true);
    }
    boolean collected = choice.isPush() || epochs.count() > 0;
    if (exit.succeeded() && collected) {
      return new TerminationMessage(
          TerminationMessage.COMPLETED,
          epochs.lastEpoch(),
          epochs.lastMetrics(),
          problems.isEmpty() ? null : problems.substring(2),
          false);
    }
    String why =
        exit.succeeded()
            ? "trainer exited with code 0 but the "
                + choice.describe()
                + " collector read no epoch from it"
            : "trainer " + exit.describe();
    boolean retryable = !(exit.code() != null && exit.code() == 2) && !exit.succeeded();
    return failed(epochs, why + problems + lastOutput(lastLines), retryable);
  }

  /** A failure that keeps what was collected: the last epoch and its metrics. */
  private static TerminationMessage failed(
      CollectedEpochs epochs, String error, boolean retryable) {
    return new TerminationMessage(
        TerminationMessage.FAILED, epochs.lastEpoch(), epochs.lastMetrics(), error, retryable);
  }

  private static String lastOutput(List<String> lines) {
    if (lines.isEmpty()) {
      return "; it printed nothing";
    }
    List<String> tail = lines.subList(Math.max(0, lines.size() - MESSAGE_LINES), lines.size());
    return "; its last output: " + String.join(" | ", tail);
  }
}
