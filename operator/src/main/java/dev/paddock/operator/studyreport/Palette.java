package dev.paddock.operator.studyreport;

import java.util.List;
import java.util.Locale;

/** Colors shared by the charts and the HTML tables. */
final class Palette {
  static final String INK = "#1f2933";
  static final String MUTED = "#616e7c";
  static final String GRID = "#e4e7eb";
  static final String AXIS = "#9aa5b1";
  static final String BEST_LINE = "#d64545";
  static final String GOAL_LINE = "#2f8132";

  /** Distinct line colors (Tableau 10), for the top trials' curves. */
  static final List<String> SERIES =
      List.of(
          "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
          "#9c755f", "#bab0ac");

  /**
   * Light grey-blue (worst) to dark indigo (best), for lines colored by objective: the best lines
   * stand out on the white background and the worst recede.
   */
  static final List<String> RAMP = List.of("#d5dde6", "#9db4d0", "#5f88bd", "#3b5ba5", "#2a1a6e");

  private Palette() {}

  /** The color of a trial state's markers. */
  static String state(String state) {
    return switch (state) {
      case ReportTrial.SUCCEEDED -> "#4e79a7";
      case ReportTrial.PRUNED -> "#f28e2b";
      case ReportTrial.FAILED -> "#e15759";
      default -> "#9aa5b1";
    };
  }

  /** The color of a grade's bar. */
  static String grade(String grade) {
    return switch (grade) {
      case "S" -> "#7b2cbf";
      case "A" -> "#2f8132";
      case "B" -> "#59a14f";
      case "C" -> "#edc948";
      case "D" -> "#f28e2b";
      default -> "#e15759";
    };
  }

  /** The ramp's color at {@code t} in [0, 1] (0 worst, 1 best), interpolated. */
  static String ramp(double t) {
    double clamped = Double.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0;
    double position = clamped * (RAMP.size() - 1);
    int i = (int) Math.min(RAMP.size() - 2, Math.floor(position));
    double f = position - i;
    int[] a = rgb(RAMP.get(i));
    int[] b = rgb(RAMP.get(i + 1));
    return String.format(
        Locale.ROOT,
        "#%02x%02x%02x",
        Math.round(a[0] + (b[0] - a[0]) * f),
        Math.round(a[1] + (b[1] - a[1]) * f),
        Math.round(a[2] + (b[2] - a[2]) * f));
  }

  private static int[] rgb(String hex) {
    int value = Integer.parseInt(hex.substring(1), 16);
    return new int[] {value >> 16 & 0xff, value >> 8 & 0xff, value & 0xff};
  }
}
