package dev.paddock.contract.metrics;

import java.util.Map;

/** Reads the values on one line; an empty map when the line holds none. */
interface LineParser {

  Map<String, Double> parse(String line);

  static LineParser of(MetricsSpec spec) {
    return switch (spec.format()) {
      case KEY_VALUE -> new KeyValueParser();
      case JSON -> new JsonLineParser();
      case REGEX -> RegexParser.compile(spec.pattern());
      case CSV -> new CsvParser(spec.epochKey());
    };
  }
}
