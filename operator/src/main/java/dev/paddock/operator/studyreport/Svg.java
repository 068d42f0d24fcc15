package dev.paddock.operator.studyreport;

import static dev.paddock.operator.studyreport.Numbers.coordinate;

import java.util.List;

/**
 * A small SVG writer: each method appends one element; every text and attribute value that may come
 * from users is escaped. The result is a standalone SVG document (with its namespace) that can also
 * be inlined in HTML.
 */
final class Svg {
  static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

  private final int width;
  private final int height;
  private final String label;
  private final StringBuilder body = new StringBuilder();

  Svg(int width, int height, String label) {
    this.width = width;
    this.height = height;
    this.label = label;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
    return line(x1, y1, x2, y2, stroke, strokeWidth, null);
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
    body.append("<line x1=\"")
        .append(coordinate(x1))
        .append("\" y1=\"")
        .append(coordinate(y1))
        .append("\" x2=\"")
        .append(coordinate(x2))
        .append("\" y2=\"")
        .append(coordinate(y2))
        .append("\" stroke=\"")
        .append(Escape.html(stroke))
        .append("\" stroke-width=\"")
        .append(coordinate(width))
        .append('"');
    if (dash != null) {
      body.append(" stroke-dasharray=\"").append(Escape.html(dash)).append('"');
    }
    body.append("/>\n");
    return this;
  }

  /** An open line through {@code points} ({x, y} pairs), with a tooltip when title is given. */
  Svg polyline(
      List<double[]> points, String stroke, double strokeWidth, double opacity, String title) {
    body.append("<polyline fill=\"none\" stroke=\"")
        .append(Escape.html(stroke))
        .append("\" stroke-width=\"")
        .append(coordinate(strokeWidth))
        .append("\" stroke-opacity=\"")
        .append(coordinate(opacity))
        .append("\" stroke-linejoin=\"round\" points=\"");
    for (double[] p : points) {
      body.append(coordinate(p[0])).append(',').append(coordinate(p[1])).append(' ');
    }
    body.append('"');
    return closeWithTitle("polyline", title);
  }

  Svg circle(double cx, double cy, double r, String fill, String stroke, String title) {
    body.append("<circle cx=\"")
        .append(coordinate(cx))
        .append("\" cy=\"")
        .append(coordinate(cy))
        .append("\" r=\"")
        .append(coordinate(r))
        .append("\" fill=\"")
        .append(Escape.html(fill))
        .append('"');
    if (stroke != null) {
      body.append(" stroke=\"").append(Escape.html(stroke)).append("\" stroke-width=\"1.5\"");
    }
    return closeWithTitle("circle", title);
  }

  Svg rect(double x, double y, double w, double h, String fill, String title) {
    body.append("<rect x=\"")
        .append(coordinate(x))
        .append("\" y=\"")
        .append(coordinate(y))
        .append("\" width=\"")
        .append(coordinate(Math.max(0, w)))
        .append("\" height=\"")
        .append(coordinate(Math.max(0, h)))
        .append("\" fill=\"")
        .append(Escape.html(fill))
        .append('"');
    return closeWithTitle("rect", title);
  }

  /** Text; {@code anchor} is start, middle or end. */
  Svg text(double x, double y, String text, String anchor, double size, String fill) {
    return text(x, y, text, anchor, size, fill, 0, false);
  }

  /** Text rotated by {@code degrees} around its anchor point, optionally bold. */
  Svg text(
      double x,
      double y,
      String text,
      String anchor,
      double size,
      String fill,
      double degrees,
      boolean bold) {
    body.append("<text x=\"")
        .append(coordinate(x))
        .append("\" y=\"")
        .append(coordinate(y))
        .append("\" text-anchor=\"")
        .append(Escape.html(anchor))
        .append("\" font-size=\"")
        .append(coordinate(size))
        .append("\" fill=\"")
        .append(Escape.html(fill))
        .append('"');
    if (bold) {
      body.append(" font-weight=\"600\"");
    }
    if (degrees != 0) {
      body.append(" transform=\"rotate(")
          .append(coordinate(degrees))
          .append(' ')
          .append(coordinate(x))
          .append(' ')
          .append(coordinate(y))
          .append(")\"");
    }
    body.append('>').append(Escape.html(text)).append("</text>\n");
    return this;
  }

  /** Text with a white outline, readable where it crosses lines. */
  Svg haloText(double x, double y, String text, String anchor, double size, String fill) {
    int start = body.length();
    text(x, y, text, anchor, size, fill);
    body.insert(
        start + "<text".length(), " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"");
    return this;
  }

  /** A linear gradient definition, stops evenly spaced. */
  Svg horizontalGradient(String id, List<String> colors) {
    body.append("<defs><linearGradient id=\"")
        .append(Escape.html(id))
        .append("\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"0\">");
    for (int i = 0; i < colors.size(); i++) {
      double offset = colors.size() == 1 ? 0 : 100.0 * i / (colors.size() - 1);
      body.append("<stop offset=\"")
          .append(coordinate(offset))
          .append("%\" stop-color=\"")
          .append(Escape.html(colors.get(i)))
          .append("\"/>");
    }
    body.append("</linearGradient></defs>\n");
    return this;
  }

  private Svg closeWithTitle(String element, String title) {
    if (title == null) {
      body.append("/>\n");
    } else {
      body.append("><title>")
          .append(Escape.html(title))
          .append("</title></")
          .append(element)
          .append(">\n");
    }
    return this;
  }

  /** The whole document. */
  @Override
  public String toString() {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + width
        + ' '
        + height
        + "\" width=\""
        + width
        + "\" height=\""
        + height
        + "\" role=\"img\" aria-label=\""
        + Escape.html(label)
        + "\" font-family=\""
        + Escape.html(FONT)
        + "\">\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        + body
        + "</svg>\n";
  }
}
