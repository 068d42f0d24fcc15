package dev.paddock.operator.studyreport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a study's report: {@code report.html} (self-contained), {@code report.md} and the SVG
 * plots the Markdown links to ({@code objective.svg}, {@code curves.svg}, {@code parallel.svg},
 * {@code grades.svg}).
 */
public final class StudyReport {
  public static final String HTML_FILE = "report.html";
  public static final String MARKDOWN_FILE = "report.md";

  private StudyReport() {}

  /**
   * Writes every report file into {@code dir} (created if missing), each atomically where the file
   * system allows, and returns the path of {@code report.html}.
   */
  public static Path write(StudyReportData data, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> file : render(data).entrySet()) {
      writeAtomically(dir.resolve(file.getKey()), file.getValue());
    }
    return dir.resolve(HTML_FILE);
  }

  /** Every report file by name, rendered in memory. */
  public static Map<String, String> render(StudyReportData data) {
    ReportContent content = new ReportContent(data);
    ReportCharts charts = ReportCharts.render(content);
    Map<String, String> files = new LinkedHashMap<>();
    files.put(HTML_FILE, HtmlReport.render(content, charts));
    files.put(MARKDOWN_FILE, MarkdownReport.render(content));
    files.put(ReportCharts.OBJECTIVE_FILE, charts.objective());
    files.put(ReportCharts.CURVES_FILE, charts.curves());
    files.put(ReportCharts.PARALLEL_FILE, charts.parallel());
    files.put(ReportCharts.GRADES_FILE, charts.grades());
    return files;
  }

  /** The HTML report alone. */
  public static String html(StudyReportData data) {
    ReportContent content = new ReportContent(data);
    return HtmlReport.render(content, ReportCharts.render(content));
  }

  /** The Markdown report alone. */
  public static String markdown(StudyReportData data) {
    return MarkdownReport.render(new ReportContent(data));
  }

  private static void writeAtomically(Path target, String text) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    try {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
