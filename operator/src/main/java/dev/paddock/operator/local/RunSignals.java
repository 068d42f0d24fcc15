package dev.paddock.operator.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Wakes the runner's loop when something it must act on happens: a trainer process exits, a trial
 * reports an epoch, a trial fails to start, or the run is interrupted. The loop blocks on it
 * instead of polling, so a finished trial is reaped and replaced as soon as its process exits.
 */
final class RunSignals {

  private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();

  /** Records that something happened; never blocks. */
  void signal(String what) {
    queue.add(what);
  }

  /** Signals {@code trial-exited} once the process has exited. */
  void watch(TrialProcess process) {
    process.onExit(() -> signal("trial-exited"));
  }

  /** Blocks until at least one signal has arrived; returns every signal that has, oldest first. */
  List<String> await() throws InterruptedException {
    List<String> signals = new ArrayList<>();
    signals.add(queue.take());
    queue.drainTo(signals);
    return signals;
  }
}
