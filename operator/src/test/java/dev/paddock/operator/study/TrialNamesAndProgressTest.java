package dev.paddock.operator.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.operator.search.CurvePoint;
import dev.paddock.operator.search.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialNamesAndProgressTest {

  @Test
  void namesAreStudyDashIndexAndStayWithin63Characters() {
    assertThat(TrialNames.of("churn-mlp", 17)).isEqualTo("churn-mlp-17");
    String longStudy = "a-very-long-study-name-that-goes-on-and-on-and-on-beyond-the-label-limit";
    String name = TrialNames.of(longStudy, 123456);

    assertThat(name)
        .hasSizeLessThanOrEqualTo(63)
        .endsWith("-123456")
        .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    assertThat(TrialNames.of(longStudy, 123456)).isEqualTo(name);
    assertThat(TrialNames.of(longStudy + "x", 123456)).isNotEqualTo(name);
  }

  @Test
  void laterRunsOfAScheduledStudyNameTheirTrialsByRun() {
    assertThat(TrialNames.of("churn-mlp", 1, 17)).isEqualTo("churn-mlp-17");
    assertThat(TrialNames.of("churn-mlp", 2, 17)).isEqualTo("churn-mlp-g2-17");
    String longStudy = "a".repeat(60);
    assertThat(TrialNames.of(longStudy, 12, 3))
        .hasSizeLessThanOrEqualTo(63)
        .endsWith("-g12-3")
        .isNotEqualTo(TrialNames.of(longStudy, 13, 3));
  }

  @Test
  void aReportedTwiceEpochReplacesItself() {
    TrialProgress progress = new TrialProgress("val_f1", Direction.MAXIMIZE);
    progress.record(1, Map.of("val_f1", 0.2, "val_loss", 0.9));
    progress.record(2, Map.of("val_f1", 0.5, "val_loss", 0.6));
    progress.record(2, Map.of("val_f1", 0.5, "val_loss", 0.6));
    progress.record(3, Map.of("val_f1", 0.4, "val_loss", 0.7));

    assertThat(progress.curve())
        .containsExactly(new CurvePoint(1, 0.2), new CurvePoint(2, 0.5), new CurvePoint(3, 0.4));
    Map<String, double[]> summaries = progress.summaries(List.of("val_f1", "val_loss", "absent"));
    assertThat(summaries.get("val_f1")).containsExactly(0.4, 0.5);
    assertThat(summaries.get("val_loss")).containsExactly(0.7, 0.6);
    assertThat(summaries).doesNotContainKey("absent");
  }

  @Test
  void longCurvesAreDownsampledTo64PointsKeepingTheEnds() {
    List<CurvePoint> curve = new ArrayList<>();
    for (int epoch = 1; epoch <= 1000; epoch++) {
      curve.add(new CurvePoint(epoch, epoch / 1000.0));
    }

    List<CurvePoint> sampled = TrialProgress.downsample(curve);

    assertThat(sampled).hasSize(TrialProgress.MAX_CURVE_POINTS);
    assertThat(sampled.get(0).epoch()).isEqualTo(1);
    assertThat(sampled.get(63).epoch()).isEqualTo(1000);
    assertThat(sampled).isSortedAccordingTo(java.util.Comparator.comparingInt(CurvePoint::epoch));
  }
}
