package dev.paddock.operator.local;

/** How a local run shows its progress: a live table, JSON lines, or nothing. */
public interface ProgressView {

  /** Called after every step of the run's loop: each trainer exit and each epoch report. */
  void update(RunSnapshot snapshot);

  /** Called for each notable event (trial started, finished, study ended). */
  void event(RunEvent event);

  /** Called once at the end. */
  void finish(RunSnapshot snapshot);
}
