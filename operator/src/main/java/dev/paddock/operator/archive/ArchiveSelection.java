package dev.paddock.operator.archive;

import dev.paddock.operator.grading.Grade;
import dev.paddock.operator.search.Direction;
import java.util.Comparator;
import java.util.List;

/**
 * Which trials are archived: those in the study's top {@code topPercent} (at least one) that are
 * graded at least {@code minGrade}. A trial that later drops out of the top set stays archived: the
 * archive is append-only.
 */
public final class ArchiveSelection {

  private ArchiveSelection() {}

  /**
   * @param finished the study's succeeded trials with an objective and a code
   * @param topPercent null: every trial passing the grade; 0: none
   * @param minGrade null: any grade
   */
  public static List<ArchiveCandidate> select(
      List<ArchiveCandidate> finished, Direction direction, Double topPercent, Grade minGrade) {
    Comparator<ArchiveCandidate> best =
        Comparator.comparing(
                ArchiveCandidate::objective,
                (a, b) -> direction.isBetter(a, b) ? -1 : direction.isBetter(b, a) ? 1 : 0)
            .thenComparingLong(ArchiveCandidate::index);
    long top =
        topPercent == null
            ? finished.size()
            : topPercent <= 0
                ? 0
                : Math.max(1, (long) Math.ceil(finished.size() * topPercent / 100.0));
    return finished.stream()
        .sorted(best)
        .limit(top)
        .filter(c -> minGrade == null || c.grade().atLeast(minGrade))
        .toList();
  }
}
