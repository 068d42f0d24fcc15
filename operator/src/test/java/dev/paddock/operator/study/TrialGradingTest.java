package dev.paddock.operator.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.operator.grading.Grade;
import dev.paddock.operator.search.CurvePoint;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.search.TrialState;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrialGradingTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

  private static StudyDefinition quickstart() throws IOException {
    return StudyDefinitions.from("quickstart", StudyDefinitionsTest.quickstart().getSpec());
  }

  private static TrialObservation trial(long index, double... curve) {
    List<CurvePoint> points = new java.util.ArrayList<>();
    for (int i = 0; i < curve.length; i++) {
      points.add(new CurvePoint(i + 1, curve[i]));
    }
    return new TrialObservation(
        index,
        Map.of("lr", "0.002", "hidden", "64,32", "batch_size", "64"),
        TrialState.SUCCEEDED,
        curve[curve.length - 1],
        points);
  }

  @Test
  void theObjectiveIsTheBestEpochAndTheGradeFollowsTheThresholds() throws IOException {
    TrialGrading grading = new TrialGrading(quickstart());

    TrialResult result =
        grading.grade(trial(7, 0.90, 0.96, 0.94), Map.of("val_f1", 0.94), List.of(), DAY, Set.of());

    assertThat(result.objective()).isEqualTo(0.96);
    assertThat(result.grade()).isEqualTo(Grade.A);
    assertThat(result.code()).isEqualTo("QS-A-N64x2B64-L2E3");
  }

  @Test
  void aTakenCodeGetsTheTrialIndexAsSuffix() throws IOException {
    TrialGrading grading = new TrialGrading(quickstart());

    TrialResult result =
        grading.grade(trial(8, 0.96), Map.of(), List.of(), DAY, Set.of("QS-A-N64x2B64-L2E3"));

    assertThat(result.code()).isEqualTo("QS-A-N64x2B64-L2E3-8");
  }

  @Test
  void aTrialThatNeverReportedIsGradedF() throws IOException {
    TrialGrading grading = new TrialGrading(quickstart());
    TrialObservation silent =
        new TrialObservation(
            3,
            Map.of("lr", "0.002", "hidden", "64,32", "batch_size", "64"),
            TrialState.FAILED,
            null,
            List.of());

    TrialResult result = grading.grade(silent, Map.of(), List.of(), DAY, Set.of());

    assertThat(result.objective()).isNull();
    assertThat(result.grade()).isEqualTo(Grade.F);
  }

  @Test
  void aGradingBlockWithoutCodeNamesTrialsByGradeAndIndex() throws IOException {
    var spec = StudyDefinitionsTest.quickstart().getSpec();
    var grading = spec.grading();
    var withoutCode =
        new dev.paddock.api.v1alpha1.GradingSpec(
            grading.metric(), grading.direction(), grading.mode(), grading.thresholds(), null);
    StudyDefinition study = StudyDefinitions.from("quickstart", withGrading(spec, withoutCode));

    TrialResult result =
        new TrialGrading(study).grade(trial(4, 0.96), Map.of(), List.of(), DAY, Set.of());

    assertThat(result.code()).isEqualTo("A-4");
  }

  private static dev.paddock.api.v1alpha1.TrainingStudySpec withGrading(
      dev.paddock.api.v1alpha1.TrainingStudySpec s, dev.paddock.api.v1alpha1.GradingSpec grading) {
    return new dev.paddock.api.v1alpha1.TrainingStudySpec(
        s.objective(),
        s.metrics(),
        s.search(),
        s.budget(),
        s.earlyStopping(),
        s.trial(),
        s.scheduling(),
        grading,
        s.archive(),
        s.retention(),
        s.deploy(),
        s.schedule(),
        s.suspend());
  }
}
