package dev.paddock.operator.studyreport;

import java.util.Map;

/** A bar per grade S..F with its count. */
final class GradeChart {
  private static final int WIDTH = 420;
  private static final int HEIGHT = 220;
  private static final double BAR_GAP = 14;

  private GradeChart() {}

  static String render(Map<String, Integer> countsByGrade) {
    Svg svg = new Svg(WIDTH, HEIGHT, "Grade distribution");
    PlotArea area = new PlotArea(40, 28, WIDTH - 16, HEIGHT - 34);
    int max = countsByGrade.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    Scale y = Scale.linear(0, Math.max(max, 1), area.bottom(), area.top(), 0);
    for (double tick : y.ticks()) {
      if (tick != Math.rint(tick)) {
        continue;
      }
      double py = y.map(tick);
      svg.line(area.left(), py, area.right(), py, Palette.GRID, 1);
      svg.text(area.left() - 6, py + 4, Numbers.format(tick), "end", 11, Palette.MUTED);
    }
    double slot = area.width() / countsByGrade.size();
    int i = 0;
    for (Map.Entry<String, Integer> grade : countsByGrade.entrySet()) {
      double x = area.left() + slot * i + BAR_GAP / 2;
      double top = y.map(grade.getValue());
      String title = grade.getKey() + ": " + grade.getValue();
      svg.rect(x, top, slot - BAR_GAP, area.bottom() - top, Palette.grade(grade.getKey()), title);
      double labelY = grade.getValue() > 0 ? top - 5 : area.bottom() - 5;
      svg.text(
          x + (slot - BAR_GAP) / 2,
          labelY,
          String.valueOf(grade.getValue()),
          "middle",
          12,
          Palette.INK,
          0,
          true);
      svg.text(
          x + (slot - BAR_GAP) / 2,
          area.bottom() + 20,
          grade.getKey(),
          "middle",
          13,
          Palette.INK,
          0,
          true);
      i++;
    }
    svg.line(area.left(), area.bottom(), area.right(), area.bottom(), Palette.AXIS, 1);
    return svg.toString();
  }
}
