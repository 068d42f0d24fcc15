package dev.paddock.operator.studyreport;

import java.util.List;
import java.util.Set;

/**
 * A table of plain (unescaped) text, rendered by both the Markdown and the HTML report.
 *
 * @param header the column titles
 * @param rows the cells, one list per row, as wide as the header
 * @param rightAligned indexes of the columns to align right (numbers)
 */
public record TextTable(List<String> header, List<List<String>> rows, Set<Integer> rightAligned) {

  public TextTable {
    header = List.copyOf(header);
    rows = rows.stream().map(r -> r.stream().map(c -> c == null ? "" : c).toList()).toList();
    rightAligned = Set.copyOf(rightAligned);
  }

  /** The column index of a title, or -1. */
  public int column(String title) {
    return header.indexOf(title);
  }
}
