package dev.paddock.operator.studyreport;

import java.util.Locale;

/** Decorations of table cells by column: grade badges, state pills, codes, importance bars. */
final class HtmlCells {
  private static final double BAR_PIXELS = 120;

  private HtmlCells() {}

  /** The escaped HTML of a cell in the column titled {@code column}. */
  static String decorate(String column, String text) {
    String escaped = Escape.html(text);
    return switch (column) {
      case "Grade" -> grade(text, escaped);
      case "State" -> state(text, escaped);
      case "Code" -> "—".equals(text) ? escaped : "<code>" + escaped + "</code>";
      case "Importance" -> bar(text) + " " + escaped;
      default -> escaped;
    };
  }

  private static String grade(String text, String escaped) {
    if (!TrialRanking.GRADES.contains(text)) {
      return escaped;
    }
    return "<span class=\"grade\" style=\"background:"
        + Palette.grade(text)
        + "\">"
        + escaped
        + "</span>";
  }

  private static String state(String text, String escaped) {
    String known =
        switch (text) {
          case ReportTrial.SUCCEEDED, ReportTrial.PRUNED, ReportTrial.FAILED -> " state-" + text;
          default -> "";
        };
    return "<span class=\"state" + known + "\">" + escaped + "</span>";
  }

  private static String bar(String percent) {
    double share;
    try {
      share = Double.parseDouble(percent.replace("%", "")) / 100;
    } catch (NumberFormatException e) {
      return "";
    }
    if (!(share > 0)) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "<span class=\"bar\" style=\"width:%.0fpx\"></span>",
        Math.max(1, share * BAR_PIXELS));
  }
}
