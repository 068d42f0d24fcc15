package dev.paddock.operator.studyreport;

/** The rectangle inside a chart where data is drawn, in pixels. */
record PlotArea(double left, double top, double right, double bottom) {

  double width() {
    return right - left;
  }

  double height() {
    return bottom - top;
  }

  /**
   * Draws a frame: horizontal grid lines and labels at the y ticks, x ticks and labels, axis lines
   * and the two axis titles.
   */
  void drawAxes(Svg svg, Scale x, Scale y, String xTitle, String yTitle, boolean integerX) {
    for (double tick : y.ticks()) {
      double py = y.map(tick);
      if (py < top - 0.5 || py > bottom + 0.5) {
        continue;
      }
      svg.line(left, py, right, py, Palette.GRID, 1);
      svg.text(left - 6, py + 4, Numbers.format(tick), "end", 11, Palette.MUTED);
    }
    for (double tick : x.ticks()) {
      double px = x.map(tick);
      if (px < left - 0.5 || px > right + 0.5 || integerX && tick != Math.rint(tick)) {
        continue;
      }
      svg.line(px, bottom, px, bottom + 5, Palette.AXIS, 1);
      svg.text(px, bottom + 18, Numbers.format(tick), "middle", 11, Palette.MUTED);
    }
    svg.line(left, bottom, right, bottom, Palette.AXIS, 1);
    svg.line(left, top, left, bottom, Palette.AXIS, 1);
    svg.text((left + right) / 2, bottom + 38, xTitle, "middle", 12, Palette.INK);
    svg.text(left - 52, (top + bottom) / 2, yTitle, "middle", 12, Palette.INK, -90, false);
  }

  /** A centered message in an empty plot. */
  void drawEmpty(Svg svg, String message) {
    svg.rect(left, top, width(), height(), "#f5f7fa", null);
    svg.text((left + right) / 2, (top + bottom) / 2, message, "middle", 13, Palette.MUTED);
  }
}
