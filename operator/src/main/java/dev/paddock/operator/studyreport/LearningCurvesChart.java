package dev.paddock.operator.studyreport;

import java.util.ArrayList;
import java.util.List;

/** The per-epoch objective of the best trials (those with a curve), one colored line each. */
final class LearningCurvesChart {
  /** How many of the best trials are drawn. */
  static final int TOP = 5;

  private static final int WIDTH = 1060;
  private static final int HEIGHT = 360;
  private static final int LEGEND_WIDTH = 250;
  private static final int MAX_LABEL = 30;

  private LearningCurvesChart() {}

  static String render(StudyReportData data, TrialRanking ranking) {
    Svg svg = new Svg(WIDTH, HEIGHT, "Learning curves of the top trials");
    svg.text(
        16, 24, "Learning curves of the top " + TOP + " trials", "start", 15, Palette.INK, 0, true);
    PlotArea area = new PlotArea(76, 46, WIDTH - LEGEND_WIDTH, HEIGHT - 56);
    List<ReportTrial> shown =
        ranking.ranked().stream().filter(t -> !finitePoints(t).isEmpty()).limit(TOP).toList();
    if (shown.isEmpty()) {
      area.drawEmpty(svg, "No learning curves recorded");
      return svg.toString();
    }
    Scale x = xScale(shown, area);
    Scale y = yScale(shown, area);
    area.drawAxes(svg, x, y, "epoch", data.objectiveMetric(), true);
    for (int i = shown.size() - 1; i >= 0; i--) {
      drawCurve(svg, shown.get(i), Palette.SERIES.get(i), x, y);
    }
    for (int i = 0; i < shown.size(); i++) {
      drawLegendItem(svg, area, i, shown.get(i));
    }
    return svg.toString();
  }

  private static List<double[]> finitePoints(ReportTrial trial) {
    return trial.curve().stream()
        .filter(p -> p.length >= 2 && Double.isFinite(p[0]) && Double.isFinite(p[1]))
        .toList();
  }

  private static Scale xScale(List<ReportTrial> shown, PlotArea area) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (ReportTrial t : shown) {
      for (double[] p : finitePoints(t)) {
        min = Math.min(min, p[0]);
        max = Math.max(max, p[0]);
      }
    }
    return Scale.linear(min, Math.max(max, min + 1), area.left(), area.right(), 0.02);
  }

  private static Scale yScale(List<ReportTrial> shown, PlotArea area) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (ReportTrial t : shown) {
      for (double[] p : finitePoints(t)) {
        min = Math.min(min, p[1]);
        max = Math.max(max, p[1]);
      }
    }
    return Scale.linear(min, max, area.bottom(), area.top(), 0.06);
  }

  private static void drawCurve(Svg svg, ReportTrial trial, String color, Scale x, Scale y) {
    List<double[]> points = new ArrayList<>();
    for (double[] p : finitePoints(trial)) {
      points.add(new double[] {x.map(p[0]), y.map(p[1])});
    }
    if (points.size() == 1) {
      svg.circle(points.get(0)[0], points.get(0)[1], 3.5, color, null, trial.name());
    } else {
      svg.polyline(points, color, 2.2, 0.95, trial.name());
    }
  }

  private static void drawLegendItem(Svg svg, PlotArea area, int rank, ReportTrial trial) {
    double x = area.right() + 22;
    double y = area.top() + 14 + rank * 38;
    String color = Palette.SERIES.get(rank);
    svg.line(x, y - 4, x + 18, y - 4, color, 3);
    String label = "#" + (rank + 1) + " " + trial.name();
    svg.text(x + 24, y, shorten(label), "start", 12, Palette.INK, 0, true);
    String detail =
        (trial.code() == null ? "" : trial.code() + " · ") + Numbers.format(trial.objective());
    svg.text(x + 24, y + 15, shorten(detail), "start", 11, Palette.MUTED);
  }

  static String shorten(String text) {
    return text.length() <= MAX_LABEL ? text : text.substring(0, MAX_LABEL - 1) + "…";
  }
}
