package dev.paddock.operator.studyreport;

/** Escaping of user text (names, codes, categorical values) for HTML, SVG and Markdown. */
public final class Escape {
  private Escape() {}

  /** Text safe inside HTML/XML element content and quoted attribute values. */
  public static String html(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> appendHtml(out, c));
    return out.toString();
  }

  private static void appendHtml(StringBuilder out, int c) {
    switch (c) {
      case '&' -> out.append("&amp;");
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '"' -> out.append("&quot;");
      case '\'' -> out.append("&#39;");
      default -> {
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
          out.append('\uFFFD'); // not allowed in XML 1.0, even as a reference
        } else {
          out.appendCodePoint(c);
        }
      }
    }
  }

  /**
   * Text safe inside a Markdown table cell: HTML-escaped (Markdown passes raw HTML through), with
   * pipes, backticks, emphasis markers and line breaks neutralized.
   */
  public static String markdown(String text) {
    if (text == null) {
      return "";
    }
    String oneLine = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    StringBuilder out = new StringBuilder(oneLine.length() + 8);
    for (char c : oneLine.toCharArray()) {
      if ("\\|`*_[]#~!".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return html(out.toString());
  }
}
