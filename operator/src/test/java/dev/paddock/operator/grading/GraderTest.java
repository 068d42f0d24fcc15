package dev.paddock.operator.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.operator.search.Direction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraderTest {
  private final GradingSpec maximize =
      GradingSpec.thresholds(
          Map.of(Grade.S, 0.30, Grade.A, 0.20, Grade.B, 0.15, Grade.C, 0.10, Grade.D, 0.05), "x");

  @Test
  void thresholdsForMaximizeAreLowerBoundsAndTiesEarnTheGrade() {
    assertThat(grade(maximize, Direction.MAXIMIZE, 0.31)).isEqualTo(Grade.S);
    assertThat(grade(maximize, Direction.MAXIMIZE, 0.30)).isEqualTo(Grade.S);
    assertThat(grade(maximize, Direction.MAXIMIZE, 0.2999)).isEqualTo(Grade.A);
    assertThat(grade(maximize, Direction.MAXIMIZE, 0.05)).isEqualTo(Grade.D);
    assertThat(grade(maximize, Direction.MAXIMIZE, 0.049)).isEqualTo(Grade.F);
    assertThat(grade(maximize, Direction.MAXIMIZE, -3)).isEqualTo(Grade.F);
    assertThat(grade(maximize, Direction.MAXIMIZE, Double.NaN)).isEqualTo(Grade.F);
  }

  @Test
  void thresholdsForMinimizeAreUpperBoundsIncludingNegativeValues() {
    GradingSpec loss =
        GradingSpec.thresholds(Map.of(Grade.S, -2.0, Grade.A, -1.0, Grade.C, 0.5), "x");
    assertThat(grade(loss, Direction.MINIMIZE, -2.5)).isEqualTo(Grade.S);
    assertThat(grade(loss, Direction.MINIMIZE, -2.0)).isEqualTo(Grade.S);
    assertThat(grade(loss, Direction.MINIMIZE, -1.5)).isEqualTo(Grade.A);
    assertThat(grade(loss, Direction.MINIMIZE, 0.0)).isEqualTo(Grade.C); // no B threshold
    assertThat(grade(loss, Direction.MINIMIZE, 0.6)).isEqualTo(Grade.F);
  }

  @Test
  void thresholdsInTheWrongOrderForTheDirectionAreRefused() {
    assertThatThrownBy(() -> Grader.validate(maximize, Direction.MINIMIZE))
        .hasMessageContaining("stricter")
        .hasMessageContaining("minimize");
    assertThatThrownBy(() -> GradingSpec.thresholds(Map.of(Grade.F, 0.0), "x"))
        .hasMessageContaining("F");
  }

  @Test
  void percentileRanksWithinTheStudy() {
    GradingSpec pct = GradingSpec.percentile("x");
    List<Double> others = new java.util.ArrayList<>();
    for (int i = 1; i <= 99; i++) {
      others.add(i / 100.0); // 0.01 .. 0.99
    }
    assertThat(Grader.grade(pct, Direction.MAXIMIZE, 1.0, others)).isEqualTo(Grade.S);
    assertThat(Grader.grade(pct, Direction.MAXIMIZE, 0.985, others))
        .isEqualTo(Grade.A); // 1 of 100 better
    assertThat(Grader.grade(pct, Direction.MAXIMIZE, 0.905, others)).isEqualTo(Grade.A); // 9 better
    assertThat(Grader.grade(pct, Direction.MAXIMIZE, 0.895, others))
        .isEqualTo(Grade.B); // 10 better
    assertThat(Grader.grade(pct, Direction.MAXIMIZE, 0.60, others)).isEqualTo(Grade.C);
    assertThat(Grader.grade(pct, Direction.MAXIMIZE, 0.30, others)).isEqualTo(Grade.D);
    assertThat(Grader.grade(pct, Direction.MAXIMIZE, 0.20, others)).isEqualTo(Grade.F);
    assertThat(Grader.grade(pct, Direction.MINIMIZE, 0.005, others)).isEqualTo(Grade.S);
    assertThat(Grader.grade(pct, Direction.MINIMIZE, 0.99, others)).isEqualTo(Grade.F);
  }

  @Test
  void percentileTiesShareTheBetterGradeAndTheFirstTrialIsS() {
    GradingSpec pct = GradingSpec.percentile("x");
    assertThat(Grader.grade(pct, Direction.MAXIMIZE, 0.1, List.of())).isEqualTo(Grade.S);
    assertThat(Grader.grade(pct, Direction.MAXIMIZE, 0.5, List.of(0.5, 0.5, 0.5)))
        .isEqualTo(Grade.S);
  }

  @Test
  void gradesCompare() {
    assertThat(Grade.S.atLeast(Grade.A)).isTrue();
    assertThat(Grade.B.atLeast(Grade.A)).isFalse();
    assertThat(new GradingSpec(null, null, Map.of(), "x").mode())
        .isEqualTo(GradingSpec.Mode.PERCENTILE);
    assertThat(maximize.metricOr("val_f1")).isEqualTo("val_f1");
  }

  private static Grade grade(GradingSpec spec, Direction direction, double value) {
    return Grader.grade(spec, direction, value, List.of());
  }
}
