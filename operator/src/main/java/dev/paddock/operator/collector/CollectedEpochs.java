package dev.paddock.operator.collector;

import dev.paddock.contract.metrics.EpochMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the collector has gathered of a trial: its epochs, a stop, and what went wrong on the way.
 */
final class CollectedEpochs {

  private int count;
  private EpochMetrics last;
  private boolean stopAsked;
  private String outputLost;
  private final List<String> problems = new ArrayList<>();

  synchronized void add(EpochMetrics epoch) {
    if (last == null || epoch.epoch() != last.epoch()) {
      count++;
    }
    if (last == null || epoch.epoch() >= last.epoch()) {
      last = epoch;
    }
  }

  synchronized int count() {
    return count;
  }

  /** The last epoch's number, 0 before any. */
  synchronized int lastEpoch() {
    return last == null ? 0 : last.epoch();
  }

  /** The last epoch's finite metrics: the trial's final metrics when the trainer gives none. */
  synchronized Map<String, Double> lastMetrics() {
    return last == null ? Map.of() : last.finite();
  }

  synchronized void askStop() {
    stopAsked = true;
  }

  synchronized boolean stopAsked() {
    return stopAsked;
  }

  /** Something the trial's message should say, though the trial may still succeed. */
  synchronized void problem(String problem) {
    problems.add(problem);
  }

  synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  /** The trainer's output is not in the store: the trial cannot count as completed. */
  synchronized void outputLost(String why) {
    outputLost = why;
  }

  synchronized String outputLost() {
    return outputLost;
  }
}
