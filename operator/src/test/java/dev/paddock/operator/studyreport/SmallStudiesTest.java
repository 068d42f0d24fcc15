package dev.paddock.operator.studyreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallStudiesTest {

  private static StudyReportData study(List<ReportTrial> trials, Map<String, ParameterKind> kinds) {
    return new StudyReportData(
        "tiny", null, "val_auc", true, null, "Running", null, null, null, trials, null, null, kinds,
        null);
  }

  private static void assertRendersWellFormed(StudyReportData data, Path dir) throws Exception {
    StudyReport.write(data, dir);
    Map<String, String> files = StudyReport.render(data);
    for (String name : new String[] {"objective.svg", "curves.svg", "parallel.svg", "grades.svg"}) {
      XmlCheck.parse(files.get(name));
    }
  }

  @Test
  void anEmptyStudyRendersWithoutTrials(@TempDir Path dir) throws Exception {
    StudyReportData empty = study(List.of(), Map.of());

    assertRendersWellFormed(empty, dir);
    String md = StudyReport.markdown(empty);
    assertThat(md).contains("none yet", "No trial has finished", "Not enough trials", "unknown");
    assertThat(StudyReport.render(empty).get("objective.svg"))
        .contains("No trial has an objective");
  }

  @Test
  void aOneTrialStudyRendersAndSaysNotEnoughTrials(@TempDir Path dir) throws Exception {
    ReportTrial only =
        new ReportTrial(
            "tiny-0",
            0,
            Map.of("lr", "0.01"),
            ReportTrial.SUCCEEDED,
            0.7,
            "A",
            "C-A-1",
            null,
            List.of(new double[] {1, 0.7}),
            5L);
    StudyReportData one = study(List.of(only), Map.of("lr", ParameterKind.FLOAT_LOG));

    assertRendersWellFormed(one, dir);
    assertThat(StudyReport.markdown(one))
        .contains("tiny-0 · C-A-1 · grade A · objective 0.7", "Not enough trials");
  }

  @Test
  void onlyFailedTrialsAndNullsRender(@TempDir Path dir) throws Exception {
    ReportTrial failed =
        new ReportTrial(null, 3, null, ReportTrial.FAILED, null, null, null, "crashed", null, null);
    ReportTrial odd =
        new ReportTrial(
            "odd",
            4,
            Map.of("x", "abc"),
            "Weird",
            Double.NaN,
            "Z",
            null,
            null,
            List.of(new double[] {1, Double.NaN}),
            null);
    StudyReportData data = study(List.of(failed, odd), Map.of("x", ParameterKind.FLOAT));

    assertRendersWellFormed(data, dir);
    assertThat(StudyReport.markdown(data)).contains("trial-3", "crashed", "1 weird");
  }

  @Test
  void identicalObjectivesAndOneValuedParametersRender(@TempDir Path dir) throws Exception {
    List<ReportTrial> trials =
        List.of(0, 1, 2, 3).stream()
            .map(
                i ->
                    new ReportTrial(
                        "same-" + i,
                        i,
                        Map.of("lr", "0.001", "k", "a"),
                        ReportTrial.SUCCEEDED,
                        0.5,
                        "B",
                        null,
                        null,
                        List.of(new double[] {1, 0.5}, new double[] {2, 0.5}),
                        null))
            .toList();
    StudyReportData data =
        study(trials, Map.of("lr", ParameterKind.FLOAT_LOG, "k", ParameterKind.CATEGORICAL));

    assertRendersWellFormed(data, dir);
    assertThat(StudyReport.markdown(data)).contains("constant: every trial has the same value");
  }
}
