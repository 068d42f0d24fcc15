package dev.paddock.operator.studyreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class StudyReportTest {

  @Test
  void writesTheHtmlTheMarkdownAndThePlotsTheMarkdownLinks(@TempDir Path dir) throws Exception {
    Path html = StudyReport.write(SyntheticStudy.data(), dir.resolve("out"));

    assertThat(html).isEqualTo(dir.resolve("out/report.html"));
    for (String file :
        new String[] {
          "report.html", "report.md", "objective.svg", "curves.svg", "parallel.svg", "grades.svg"
        }) {
      assertThat(dir.resolve("out").resolve(file)).isNotEmptyFile();
    }
    String md = Files.readString(dir.resolve("out/report.md"));
    assertThat(md)
        .contains("![Objective per trial](objective.svg)")
        .contains("![Learning curves of the top trials](curves.svg)")
        .contains("![Parallel coordinates](parallel.svg)")
        .contains("![Grade distribution](grades.svg)");
    try (var stream = Files.list(dir.resolve("out"))) {
      assertThat(stream.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void theSummaryNamesTheBestSucceededTrialAndCountsTrialsByState() {
    String md = StudyReport.markdown(SyntheticStudy.data());

    assertThat(md)
        .contains("# Study report: churn-mlp")
        .contains("ml-team/churn-mlp")
        .contains("Succeeded — maxTrials reached: 12 trials")
        .contains("val\\_f1 (maximize, goal 0.31)")
        .contains("12 — 8 succeeded, 2 pruned, 1 failed, 1 running")
        .contains("churn-mlp-2 · MLP-S-L2 · grade S · objective 0.3")
        .contains("lr=0.001; batch\\_size=128; hidden=512,256,128")
        .contains("14m 05s")
        .contains("| **Slot primary** | MLP-S-L2 |");
  }

  @Test
  void theBestTrialsTableListsTheTopTenBestFirst() {
    ReportContent content = new ReportContent(SyntheticStudy.data());

    TextTable best = content.bestTrials();

    assertThat(best.header())
        .containsExactly(
            "Rank", "Trial", "Code", "Grade", "Objective", "lr", "batch_size", "hidden", "State");
    assertThat(best.rows()).hasSize(10);
    assertThat(best.rows().stream().map(r -> r.get(1)))
        .startsWith("churn-mlp-2", "churn-mlp-10", "churn-mlp-6")
        .doesNotContain("churn-mlp-8", "churn-mlp-11");
    assertThat(best.rows().get(0))
        .containsExactly(
            "1", "churn-mlp-2", "MLP-S-L2", "S", "0.3", "0.001", "128", "512,256,128", "Succeeded");
  }

  @Test
  void minimizingRanksTheLowestObjectiveFirst() {
    StudyReportData max = SyntheticStudy.data();
    StudyReportData min =
        new StudyReportData(
            max.study(),
            null,
            "val_loss",
            false,
            null,
            max.phase(),
            null,
            null,
            null,
            max.trials(),
            null,
            null,
            max.parameters(),
            null);

    // the pruned churn-mlp-5 ranks first, but the best trial is the best succeeded one;
    // churn-mlp-0 and churn-mlp-4 tie, and the tie goes to the lower index
    assertThat(new TrialRanking(min).ranked().get(0).name()).isEqualTo("churn-mlp-5");
    assertThat(new TrialRanking(min).best().orElseThrow().name()).isEqualTo("churn-mlp-0");
  }

  @Test
  void gradeDistributionCountsEachGrade() {
    ReportContent content = new ReportContent(SyntheticStudy.data());

    Map<String, Integer> grades = content.ranking().countsByGrade();

    assertThat(grades)
        .containsExactly(
            Map.entry("S", 4),
            Map.entry("A", 3),
            Map.entry("B", 3),
            Map.entry("C", 0),
            Map.entry("D", 0),
            Map.entry("F", 0));
    assertThat(content.ranking().ungraded()).isEqualTo(2);
    assertThat(StudyReport.markdown(SyntheticStudy.data())).contains("| S | 4 | 40.0% |");
  }

  @Test
  void theHtmlHasEverySectionAndLoadsNothingFromOutside() {
    String html = StudyReport.html(SyntheticStudy.data());

    assertThat(html)
        .contains("<h2>Summary</h2>", "<h2>Best trials</h2>", "<h2>Grade distribution</h2>")
        .contains("<h2>Parameter importance</h2>", "<h2>Plots</h2>", ">Objective per trial<")
        .contains(">Learning curves of the top 5 trials<", ">Parallel coordinates: parameters")
        .contains("<h2>All trials</h2>", "OOMKilled: trainer ran out of memory")
        .contains("Content-Security-Policy", "<style>", "epsilon");
    assertThat(html).doesNotContain("<script", "<link", " src=", " href=", "@import");
    assertThat(html.replace("http://www.w3.org/2000/svg", ""))
        .doesNotContain("http://", "https://");
    assertThat(XmlCheck.inlineSvgs(html)).hasSize(4);
  }

  @Test
  void importanceRanksLrFirstInTheSyntheticStudy() {
    ReportContent content = new ReportContent(SyntheticStudy.data());

    TextTable table = content.importanceTable();

    assertThat(content.importance().trials()).isEqualTo(10);
    assertThat(table.rows().get(0).get(0)).isEqualTo("lr");
    assertThat(table.rows().get(0).get(1)).isEqualTo("float (log)");
  }

  @Test
  void everySvgIsWellFormedXml() throws Exception {
    Map<String, String> files = StudyReport.render(SyntheticStudy.data());

    for (String name : new String[] {"objective.svg", "curves.svg", "parallel.svg", "grades.svg"}) {
      Document svg = XmlCheck.parse(files.get(name));
      assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
      assertThat(svg.getDocumentElement().getNamespaceURI())
          .isEqualTo("http://www.w3.org/2000/svg");
    }
    for (String inline : XmlCheck.inlineSvgs(files.get("report.html"))) {
      XmlCheck.parse(inline);
    }
  }

  @Test
  void thePlotsShowTheTrialsTheyAreAbout() throws Exception {
    Map<String, String> files = StudyReport.render(SyntheticStudy.data());

    Document objective = XmlCheck.parse(files.get("objective.svg"));
    assertThat(objective.getElementsByTagName("title").getLength()).isEqualTo(11 + 1);
    assertThat(files.get("objective.svg")).contains("running best", "goal 0.31", "trial index");
    Document curves = XmlCheck.parse(files.get("curves.svg"));
    assertThat(curves.getElementsByTagName("polyline").getLength()).isEqualTo(5);
    assertThat(files.get("curves.svg")).contains("#1 churn-mlp-2", "epoch");
    Document parallel = XmlCheck.parse(files.get("parallel.svg"));
    assertThat(parallel.getElementsByTagName("polyline").getLength()).isEqualTo(10);
    assertThat(files.get("parallel.svg")).contains(">lr<", ">batch_size<", ">512,256,128<");
  }

  /** Writes the synthetic report under target/ for a look in a browser. */
  @Test
  void writesASampleReportForInspection() throws Exception {
    Path dir = Path.of("target", "studyreport-sample");

    StudyReport.write(SyntheticStudy.data(), dir);

    assertThat(dir.resolve("report.html")).isNotEmptyFile();
  }
}
