package dev.paddock.operator.k8s.study;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When to try the artifact store again after it failed a study: 5 s, doubling per consecutive
 * failure, at most a minute. The reconcile is rescheduled rather than held, so no reconcile thread
 * waits on a store that is away.
 */
final class StoreBackoff {

  static final Duration FIRST = Duration.ofSeconds(5);
  static final Duration MAX = Duration.ofMinutes(1);

  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  /** Records a failure; returns how long to wait before the next try. */
  Duration failed(String studyUid) {
    return delay(failures.merge(studyUid, 1, Integer::sum));
  }

  void succeeded(String studyUid) {
    failures.remove(studyUid);
  }

  static Duration delay(int consecutiveFailures) {
    int doublings = Math.min(Math.max(consecutiveFailures - 1, 0), 10);
    Duration delay = FIRST.multipliedBy(1L << doublings);
    return delay.compareTo(MAX) > 0 ? MAX : delay;
  }
}
