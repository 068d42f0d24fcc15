package dev.paddock.operator.studyreport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parallel coordinates: one vertical axis per parameter and one for the objective; each ranked
 * trial is a line through its values, colored from worst (dark) to best (yellow) objective, with
 * the best lines drawn on top. Colors are linear in the objective between the worst and the best
 * value.
 */
final class ParallelCoordinatesChart {
  private static final int MIN_WIDTH = 1060;
  private static final int AXIS_SPACING = 150;
  private static final int HEIGHT = 440;
  private static final int MAX_TICK_LABEL = 16;

  private ParallelCoordinatesChart() {}

  static String render(StudyReportData data, TrialRanking ranking) {
    List<String> parameters = List.copyOf(data.parameters().keySet());
    int axisCount = parameters.size() + 1;
    int width = Math.max(MIN_WIDTH, 120 + AXIS_SPACING * (axisCount - 1) + 120);
    Svg svg = new Svg(width, HEIGHT, "Parallel coordinates of parameters and objective");
    svg.text(
        16,
        24,
        "Parallel coordinates: parameters and objective",
        "start",
        15,
        Palette.INK,
        0,
        true);
    PlotArea area = new PlotArea(110, 70, width - 110, HEIGHT - 62);
    List<ReportTrial> trials = ranking.ranked();
    if (trials.isEmpty()) {
      area.drawEmpty(svg, "No finished trial with an objective yet");
      return svg.toString();
    }
    List<ParallelAxis> axes = axes(data, parameters, trials);
    double[] xs = axisPositions(area, axes.size());
    drawLines(svg, ranking, parameters, axes, xs, area);
    for (int i = 0; i < axes.size(); i++) {
      drawAxis(svg, axes.get(i), xs[i], area);
    }
    drawColorLegend(svg, data, trials, width / 2.0);
    return svg.toString();
  }

  private static List<ParallelAxis> axes(
      StudyReportData data, List<String> parameters, List<ReportTrial> trials) {
    List<ParallelAxis> axes = new ArrayList<>();
    for (String name : parameters) {
      List<String> values = trials.stream().map(t -> t.parameters().get(name)).toList();
      axes.add(ParallelAxis.of(name, data.parameters().get(name), values));
    }
    List<Double> objectives = trials.stream().map(ReportTrial::objective).toList();
    axes.add(ParallelAxis.numeric(data.objectiveMetric(), objectives, false));
    return axes;
  }

  private static double[] axisPositions(PlotArea area, int count) {
    double[] xs = new double[count];
    for (int i = 0; i < count; i++) {
      xs[i] =
          count == 1
              ? area.left() + area.width() / 2
              : area.left() + area.width() * i / (count - 1);
    }
    return xs;
  }

  private static void drawLines(
      Svg svg,
      TrialRanking ranking,
      List<String> parameters,
      List<ParallelAxis> axes,
      double[] xs,
      PlotArea area) {
    List<ReportTrial> worstFirst = new ArrayList<>(ranking.ranked());
    java.util.Collections.reverse(worstFirst);
    int n = worstFirst.size();
    for (int r = 0; r < n; r++) {
      ReportTrial trial = worstFirst.get(r);
      List<double[]> points = new ArrayList<>();
      for (int i = 0; i < parameters.size(); i++) {
        addPoint(
            points, xs[i], axes.get(i).position(trial.parameters().get(parameters.get(i))), area);
      }
      addPoint(
          points, xs[xs.length - 1], axes.get(axes.size() - 1).position(trial.objective()), area);
      double quality = quality(trial.objective(), worstFirst.get(0), worstFirst.get(n - 1));
      String title = trial.name() + " · " + Numbers.format(trial.objective());
      svg.polyline(points, Palette.ramp(quality), 1.8 + quality, 0.55 + 0.4 * quality, title);
    }
  }

  /** Where an objective lies between the worst (0) and the best (1) objective. */
  private static double quality(double objective, ReportTrial worst, ReportTrial best) {
    double span = best.objective() - worst.objective();
    return span == 0 ? 1 : (objective - worst.objective()) / span;
  }

  private static void addPoint(List<double[]> points, double x, double height, PlotArea area) {
    if (Double.isFinite(height)) {
      points.add(new double[] {x, area.bottom() - height * area.height()});
    }
  }

  private static void drawAxis(Svg svg, ParallelAxis axis, double x, PlotArea area) {
    svg.line(x, area.top(), x, area.bottom(), Palette.INK, 1.2);
    svg.text(
        x,
        area.top() - 14,
        LearningCurvesChart.shorten(axis.title()),
        "middle",
        12,
        Palette.INK,
        0,
        true);
    for (Map.Entry<String, Double> tick : axis.ticks()) {
      double y = area.bottom() - tick.getValue() * area.height();
      svg.line(x - 4, y, x, y, Palette.INK, 1);
      svg.haloText(x - 7, y + 4, shorten(tick.getKey()), "end", 10.5, Palette.MUTED);
    }
  }

  private static void drawColorLegend(
      Svg svg, StudyReportData data, List<ReportTrial> ranked, double center) {
    double x = center - 140;
    double y = HEIGHT - 38;
    svg.horizontalGradient("paddock-objective-ramp", Palette.RAMP);
    svg.rect(x + 70, y, 140, 10, "url(#paddock-objective-ramp)", null);
    ReportTrial best = ranked.get(0);
    ReportTrial worst = ranked.get(ranked.size() - 1);
    svg.text(x + 64, y + 9, "worst " + Numbers.format(worst.objective()), "end", 11, Palette.MUTED);
    svg.text(
        x + 216, y + 9, "best " + Numbers.format(best.objective()), "start", 11, Palette.MUTED);
    svg.text(
        x + 140,
        y + 26,
        data.objectiveMetric() + " (" + data.direction() + ")",
        "middle",
        11,
        Palette.INK);
  }

  private static String shorten(String text) {
    return text.length() <= MAX_TICK_LABEL ? text : text.substring(0, MAX_TICK_LABEL - 1) + "…";
  }
}
