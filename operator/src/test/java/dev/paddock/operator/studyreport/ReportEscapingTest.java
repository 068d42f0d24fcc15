package dev.paddock.operator.studyreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportEscapingTest {
  private static final String EVIL = "<script>alert('x')</script>\"&|`*_ <img src=x onerror=y>";

  private static StudyReportData evilStudy() {
    List<ReportTrial> trials = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      trials.add(SyntheticStudy.trial(i, i % 2 == 0 ? EVIL : "256,128,64"));
    }
    ReportTrial named =
        new ReportTrial(
            "</title><script>bad()</script>",
            12,
            Map.of("lr", "0.001", "hidden", EVIL),
            ReportTrial.SUCCEEDED,
            0.5,
            "S",
            "<b>code</b>",
            "reason <i>x</i>",
            null,
            null);
    trials.add(named);
    return SyntheticStudy.data(trials);
  }

  @Test
  void userTextIsEscapedInTheHtmlAndItsSvgs() throws Exception {
    String html = StudyReport.html(evilStudy());

    assertThat(html).doesNotContain("<script", "<img", "<b>code", "<i>x", "onerror=y>");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;");
    for (String svg : XmlCheck.inlineSvgs(html)) {
      XmlCheck.parse(svg);
    }
  }

  @Test
  void userTextIsEscapedInTheMarkdownAndTheSvgFiles() throws Exception {
    Map<String, String> files = StudyReport.render(evilStudy());

    assertThat(files.get("report.md")).doesNotContain("<script", "<img", "<b>");
    assertThat(files.get("report.md")).contains("&lt;script&gt;", "\\|\\`\\*\\_");
    for (String name : new String[] {"objective.svg", "curves.svg", "parallel.svg"}) {
      assertThat(files.get(name)).doesNotContain("<script");
      XmlCheck.parse(files.get(name));
    }
  }

  @Test
  void controlCharactersNeverBreakTheXml() throws Exception {
    assertThat(Escape.html("a\u0000b\u001bc")).isEqualTo("a\uFFFDb\uFFFDc");
    Svg svg = new Svg(10, 10, "x\u0001");
    svg.text(1, 1, "\u0007bell", "start", 10, "#000");
    XmlCheck.parse(svg.toString());
  }
}
