package dev.paddock.operator.studyreport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The objective of every trial against its index, markers colored by state, with the running best
 * (over succeeded and pruned trials) as a step line and the goal as a dashed line.
 */
final class ObjectiveChart {
  private static final int WIDTH = 1060;
  private static final int HEIGHT = 360;
  private static final List<String> STATES =
      List.of(ReportTrial.SUCCEEDED, ReportTrial.PRUNED, ReportTrial.FAILED, ReportTrial.RUNNING);

  private ObjectiveChart() {}

  static String render(StudyReportData data) {
    Svg svg = new Svg(WIDTH, HEIGHT, "Objective " + data.objectiveMetric() + " per trial");
    svg.text(16, 24, "Objective per trial", "start", 15, Palette.INK, 0, true);
    PlotArea area = new PlotArea(76, 58, WIDTH - 24, HEIGHT - 56);
    List<ReportTrial> plotted =
        data.trials().stream()
            .filter(ReportTrial::hasObjective)
            .sorted(Comparator.comparingLong(ReportTrial::index))
            .toList();
    if (plotted.isEmpty()) {
      area.drawEmpty(svg, "No trial has an objective yet");
      return svg.toString();
    }
    Scale x = xScale(plotted, area);
    Scale y = yScale(data, plotted, area);
    area.drawAxes(svg, x, y, "trial index", data.objectiveMetric(), true);
    drawGoal(svg, data, area, y);
    drawRunningBest(svg, data, plotted, x, y);
    for (ReportTrial t : plotted) {
      String title = t.name() + " · " + t.state() + " · " + Numbers.format(t.objective());
      svg.circle(
          x.map(t.index()), y.map(t.objective()), 4.5, Palette.state(t.state()), null, title);
    }
    drawLegend(svg, data, plotted);
    return svg.toString();
  }

  private static Scale xScale(List<ReportTrial> plotted, PlotArea area) {
    long first = plotted.get(0).index();
    long last = plotted.get(plotted.size() - 1).index();
    return Scale.linear(first, Math.max(last, first + 1), area.left(), area.right(), 0.03);
  }

  private static Scale yScale(StudyReportData data, List<ReportTrial> plotted, PlotArea area) {
    double min = plotted.stream().mapToDouble(ReportTrial::objective).min().orElse(0);
    double max = plotted.stream().mapToDouble(ReportTrial::objective).max().orElse(1);
    if (data.goal() != null && Double.isFinite(data.goal())) {
      min = Math.min(min, data.goal());
      max = Math.max(max, data.goal());
    }
    return Scale.linear(min, max, area.bottom(), area.top(), 0.06);
  }

  private static void drawGoal(Svg svg, StudyReportData data, PlotArea area, Scale y) {
    if (data.goal() == null || !Double.isFinite(data.goal())) {
      return;
    }
    double py = y.map(data.goal());
    svg.line(area.left(), py, area.right(), py, Palette.GOAL_LINE, 1.5, "6 4");
  }

  private static void drawRunningBest(
      Svg svg, StudyReportData data, List<ReportTrial> plotted, Scale x, Scale y) {
    List<double[]> steps = new ArrayList<>();
    Double best = null;
    for (ReportTrial t : plotted) {
      if (!t.ranked()) {
        continue;
      }
      double value = t.objective();
      double px = x.map(t.index());
      if (best == null || (data.maximize() ? value > best : value < best)) {
        if (best != null) {
          steps.add(new double[] {px, y.map(best)});
        }
        best = value;
      }
      steps.add(new double[] {px, y.map(best)});
    }
    if (steps.size() > 1) {
      svg.polyline(steps, Palette.BEST_LINE, 2, 0.9, "running best");
    }
  }

  private static void drawLegend(Svg svg, StudyReportData data, List<ReportTrial> plotted) {
    double x = WIDTH - 24;
    List<String[]> items = new ArrayList<>();
    for (String state : STATES) {
      if (plotted.stream().anyMatch(t -> state.equals(t.state()))) {
        items.add(new String[] {"dot", Palette.state(state), state});
      }
    }
    items.add(new String[] {"line", Palette.BEST_LINE, "running best"});
    if (data.goal() != null && Double.isFinite(data.goal())) {
      items.add(new String[] {"dash", Palette.GOAL_LINE, "goal " + Numbers.format(data.goal())});
    }
    for (int i = items.size() - 1; i >= 0; i--) {
      String[] item = items.get(i);
      double width = 22 + 7 * item[2].length();
      x -= width;
      drawLegendItem(svg, x, 40, item);
      x -= 12;
    }
  }

  private static void drawLegendItem(Svg svg, double x, double y, String[] item) {
    switch (item[0]) {
      case "dot" -> svg.circle(x + 6, y - 4, 4.5, item[1], null, null);
      case "dash" -> svg.line(x, y - 4, x + 14, y - 4, item[1], 1.5, "6 4");
      default -> svg.line(x, y - 4, x + 14, y - 4, item[1], 2);
    }
    svg.text(x + 19, y, item[2], "start", 11, Palette.INK);
  }
}
