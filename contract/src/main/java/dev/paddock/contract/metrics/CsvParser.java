package dev.paddock.contract.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file with a header, one row per epoch. A row whose cells are not numbers is a header (a
 * script that starts the file again writes it anew); a missing or empty cell gives no value. When
 * the header has no epoch column, rows are numbered 1, 2, ... and the number is the epoch.
 */
final class CsvParser implements LineParser {

  private final String epochKey;
  private List<String> header;
  private int rows;

  CsvParser(String epochKey) {
    this.epochKey = epochKey;
  }

  @Override
  public Map<String, Double> parse(String line) {
    Map<String, Double> values = new LinkedHashMap<>();
    if (line.isBlank()) {
      return values;
    }
    List<String> cells = cells(line);
    if (header == null || isHeader(cells)) {
      header = cells.stream().map(String::trim).toList();
      rows = 0;
      return values;
    }
    rows++;
    for (int i = 0; i < Math.min(cells.size(), header.size()); i++) {
      Double value = Numbers.parse(cells.get(i));
      if (value != null) {
        values.put(header.get(i), value);
      }
    }
    if (!header.contains(epochKey) && !values.isEmpty()) {
      values.put(epochKey, (double) rows);
    }
    return values;
  }

  private static boolean isHeader(List<String> cells) {
    return cells.stream().noneMatch(c -> c.isBlank() || Numbers.parse(c) != null);
  }

  /** Comma-separated cells; double quotes enclose commas and {@code ""} is a quote. */
  static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
