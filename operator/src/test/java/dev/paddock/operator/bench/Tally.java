package dev.paddock.operator.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * Watches objects of one kind (through an informer) and notes when each was first seen and when
 * each first reached a terminal state, and when a given count of either was reached.
 */
final class Tally<T extends HasMetadata> implements ResourceEventHandler<T> {

  private final Predicate<T> terminal;
  private final LongConsumer onTerminal;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final Set<String> ended = ConcurrentHashMap.newKeySet();
  private final long seenTarget;
  private final AtomicLong seenTargetAt = new AtomicLong();
  private final AtomicLong lastEndedAt = new AtomicLong();

  /**
   * @param seenTarget the count of objects whose arrival time is wanted (the first wave)
   * @param onTerminal told the count of ended objects, once for each object that ends
   */
  Tally(Predicate<T> terminal, long seenTarget, LongConsumer onTerminal) {
    this.terminal = terminal;
    this.seenTarget = seenTarget;
    this.onTerminal = onTerminal;
  }

  @Override
  public void onAdd(T object) {
    note(object);
  }

  @Override
  public void onUpdate(T before, T after) {
    note(after);
  }

  @Override
  public void onDelete(T object, boolean unknownFinalState) {
    // a deleted object keeps what it had counted for
  }

  private void note(T object) {
    String name = object.getMetadata().getName();
    if (seen.add(name) && seen.size() == seenTarget) {
      seenTargetAt.compareAndSet(0, System.nanoTime());
    }
    if (terminal.test(object) && ended.add(name)) {
      lastEndedAt.set(System.nanoTime());
      onTerminal.accept(ended.size());
    }
  }

  int ended() {
    return ended.size();
  }

  int seen() {
    return seen.size();
  }

  /** System.nanoTime() when the wanted count had arrived; 0 if not yet. */
  long seenTargetAt() {
    return seenTargetAt.get();
  }

  /** System.nanoTime() when the latest object ended. */
  long lastEndedAt() {
    return lastEndedAt.get();
  }
}
