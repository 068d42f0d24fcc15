package dev.paddock.operator.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.operator.grading.Grade;
import dev.paddock.operator.search.Direction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArchiveSelectionTest {

  private static ArchiveCandidate trial(long index, Grade grade, double objective) {
    return new ArchiveCandidate("s-" + index, index, "C" + index, grade, objective, Map.of());
  }

  private static final List<ArchiveCandidate> TEN =
      List.of(
          trial(0, Grade.D, 0.1),
          trial(1, Grade.C, 0.2),
          trial(2, Grade.B, 0.3),
          trial(3, Grade.B, 0.4),
          trial(4, Grade.A, 0.5),
          trial(5, Grade.A, 0.6),
          trial(6, Grade.A, 0.7),
          trial(7, Grade.S, 0.8),
          trial(8, Grade.S, 0.9),
          trial(9, Grade.A, 0.65));

  @Test
  void topPercentAndMinimumGradeBothApply() {
    assertThat(ArchiveSelection.select(TEN, Direction.MAXIMIZE, 20.0, Grade.A))
        .extracting(ArchiveCandidate::trial)
        .containsExactly("s-8", "s-7");
    assertThat(ArchiveSelection.select(TEN, Direction.MAXIMIZE, 50.0, Grade.S))
        .extracting(ArchiveCandidate::trial)
        .containsExactly("s-8", "s-7");
  }

  @Test
  void atLeastOneTrialOfASmallStudyIsInTheTopSet() {
    assertThat(ArchiveSelection.select(TEN.subList(0, 3), Direction.MAXIMIZE, 10.0, null))
        .extracting(ArchiveCandidate::trial)
        .containsExactly("s-2");
  }

  @Test
  void minimizingPicksTheLowestAndZeroPercentPicksNone() {
    assertThat(ArchiveSelection.select(TEN, Direction.MINIMIZE, 10.0, null))
        .extracting(ArchiveCandidate::trial)
        .containsExactly("s-0");
    assertThat(ArchiveSelection.select(TEN, Direction.MAXIMIZE, 0.0, null)).isEmpty();
  }
}
