package dev.paddock.operator.retention;

import dev.paddock.operator.search.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Plans what a study's retention block removes. */
public final class Retention {

  private Retention() {}

  /**
   * @param finished the study's finished trials (running ones are never touched)
   */
  public static RetentionPlan plan(
      RetentionPolicy policy, Direction direction, List<RetainedTrial> finished, Instant now) {
    List<String> trials = new ArrayList<>();
    if (policy.keepTrials() != null && finished.size() > policy.keepTrials()) {
      finished.stream()
          .filter(t -> !t.protectedFromDeletion())
          .sorted(worstFirst(direction))
          .limit(finished.size() - (long) policy.keepTrials())
          .forEach(t -> trials.add(t.name()));
    }
    List<String> artifacts = new ArrayList<>();
    if (policy.artifactTtlDays() != null) {
      Instant cutoff = now.minus(Duration.ofDays(policy.artifactTtlDays()));
      Set<String> retiring = new HashSet<>(trials);
      finished.stream()
          .filter(t -> !t.protectedFromDeletion() && !retiring.contains(t.name()))
          .filter(t -> t.finished() != null && t.finished().isBefore(cutoff))
          .sorted(Comparator.comparingLong(RetainedTrial::index))
          .forEach(t -> artifacts.add(t.name()));
    }
    return new RetentionPlan(List.copyOf(trials), List.copyOf(artifacts), policy.dryRun());
  }

  /**
   * When the next artifacts expire ({@code artifactTTLDays} after their trial ended), so a study
   * can be looked at again then rather than at its next unrelated event.
   *
   * @param withArtifacts the finished trials whose artifacts are still there
   * @return empty when none will: no TTL, or every such trial protected
   */
  public static Optional<Instant> nextArtifactExpiry(
      RetentionPolicy policy, List<RetainedTrial> withArtifacts, Instant now) {
    if (policy.artifactTtlDays() == null) {
      return Optional.empty();
    }
    Duration ttl = Duration.ofDays(policy.artifactTtlDays());
    return withArtifacts.stream()
        .filter(t -> !t.protectedFromDeletion() && t.finished() != null)
        .map(t -> t.finished().plus(ttl))
        .filter(at -> !at.isBefore(now))
        .min(Comparator.naturalOrder());
  }

  /** No objective first, then the worst objective; among equals the oldest index. */
  private static Comparator<RetainedTrial> worstFirst(Direction direction) {
    return Comparator.comparing(
            (RetainedTrial t) -> t.objective(),
            Comparator.nullsFirst(
                (Double a, Double b) ->
                    direction.isBetter(a, b) ? 1 : direction.isBetter(b, a) ? -1 : 0))
        .thenComparingLong(RetainedTrial::index);
  }
}
