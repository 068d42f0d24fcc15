package dev.paddock.operator.studyreport;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Parses SVG with the JDK's XML parser (no DTDs, no external entities). */
final class XmlCheck {
  private XmlCheck() {}

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setExpandEntityReferences(false);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** Every {@code <svg ...>...</svg>} inlined in an HTML page. */
  static List<String> inlineSvgs(String html) {
    List<String> svgs = new ArrayList<>();
    int from = 0;
    while (true) {
      int start = html.indexOf("<svg", from);
      if (start < 0) {
        return svgs;
      }
      int end = html.indexOf("</svg>", start) + "</svg>".length();
      svgs.add(html.substring(start, end));
      from = end;
    }
  }
}
