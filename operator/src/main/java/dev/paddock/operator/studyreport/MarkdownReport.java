package dev.paddock.operator.studyreport;

import java.util.List;

/**
 * The report as Markdown; the plots are the SVG files written next to it, linked by relative path.
 */
final class MarkdownReport {
  private final StringBuilder out = new StringBuilder();

  private MarkdownReport() {}

  static String render(ReportContent content) {
    return new MarkdownReport().write(content);
  }

  private String write(ReportContent content) {
    out.append("# Study report: ").append(Escape.markdown(content.data().study())).append("\n\n");
    table(content.summary(), true);
    heading("Best trials");
    if (content.ranking().ranked().isEmpty()) {
      out.append("No trial has finished with an objective yet.\n\n");
    } else {
      out.append("Top ").append(ReportContent.TOP).append(" by ");
      out.append(Escape.markdown(content.data().objectiveMetric())).append(" (");
      out.append(content.data().direction()).append("), succeeded and pruned trials.\n\n");
      table(content.bestTrials(), false);
    }
    heading("Grade distribution");
    table(content.grades(), false);
    image("Grade distribution", ReportCharts.GRADES_FILE);
    heading("Parameter importance");
    importance(content);
    heading("Plots");
    image("Objective per trial", ReportCharts.OBJECTIVE_FILE);
    image("Learning curves of the top trials", ReportCharts.CURVES_FILE);
    image("Parallel coordinates", ReportCharts.PARALLEL_FILE);
    heading("All trials");
    table(content.allTrials(), false);
    return out.toString();
  }

  private void importance(ReportContent content) {
    ParameterImportance.Result result = content.importance();
    if (result.notEnoughTrials()) {
      out.append("Not enough trials: importance needs at least ")
          .append(ParameterImportance.MIN_TRIALS)
          .append(" finished trials with an objective, this study has ")
          .append(result.trials())
          .append(".\n\n");
    } else if (result.entries().isEmpty()) {
      out.append("The study has no parameters.\n\n");
    } else {
      table(content.importanceTable(), false);
    }
    out.append("*Method.* ").append(Escape.markdown(ParameterImportance.METHOD)).append("\n\n");
  }

  private void heading(String title) {
    out.append("## ").append(title).append("\n\n");
  }

  private void image(String alt, String file) {
    out.append("![").append(alt).append("](").append(file).append(")\n\n");
  }

  private void table(TextTable table, boolean keyValue) {
    List<String> header = keyValue ? List.of("", "") : escaped(table.header());
    row(header);
    StringBuilder rule = new StringBuilder("|");
    for (int i = 0; i < header.size(); i++) {
      rule.append(table.rightAligned().contains(i) ? " ---: |" : " --- |");
    }
    out.append(rule).append('\n');
    for (List<String> cells : table.rows()) {
      row(
          keyValue
              ? List.of("**" + Escape.markdown(cells.get(0)) + "**", Escape.markdown(cells.get(1)))
              : escaped(cells));
    }
    out.append('\n');
  }

  private static List<String> escaped(List<String> cells) {
    return cells.stream().map(Escape::markdown).toList();
  }

  private void row(List<String> cells) {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(cell).append(" |");
    }
    out.append('\n');
  }
}
