package dev.paddock.operator.k8s.epochreport;

import dev.paddock.operator.study.StudyDefinition;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The study definitions the report endpoint answers with, read from the API server once per study
 * every {@link #TTL} instead of once per trial. A trial's first report needs its study's early
 * stopping, objective and epochs; in a study of 1,000 trials in flight, a GET per trial kept the
 * endpoint's few threads waiting on a busy API server while every other report queued (bench/scale:
 * p50 5.5 s at 1,000 trainers). Keyed by the study's UID as well as its name, so that a study
 * deleted and created again under the same name is read afresh. A spec edit reaches the trials that
 * start reporting after it within {@link #TTL}; a trial keeps the definition of its first report,
 * as before.
 */
final class StudyDefinitionCache {

  static final Duration TTL = Duration.ofSeconds(10);

  private record Entry(StudyDefinition definition, long readAt) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  StudyDefinitionCache(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * The definition of the study, read with {@code read} when not cached or older than {@link #TTL};
   * concurrent first reports of one study wait for one read. What {@code read} throws is thrown,
   * and nothing is cached.
   */
  StudyDefinition get(
      String namespace, String study, String studyUid, Supplier<StudyDefinition> read) {
    String key = namespace + "/" + study + "/" + studyUid;
    return entries
        .compute(
            key,
            (k, cached) -> {
              long now = nanoTime.getAsLong();
              if (cached != null && now - cached.readAt() < TTL.toNanos()) {
                return cached;
              }
              return new Entry(read.get(), now);
            })
        .definition();
  }

  /** Drops entries older than {@link #TTL}, so that deleted studies do not stay. */
  void expire() {
    long now = nanoTime.getAsLong();
    entries.values().removeIf(e -> now - e.readAt() >= TTL.toNanos());
  }
}
