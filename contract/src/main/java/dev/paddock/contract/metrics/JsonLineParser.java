package dev.paddock.contract.metrics;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line. Top-level numbers are metrics, and so are strings that spell a number
 * ({@code "NaN"}, {@code "inf"}); Python's {@code json.dumps} writes bare {@code NaN} and {@code
 * Infinity}, which are read too. Lines that are not a JSON object are ignored.
 */
final class JsonLineParser implements LineParser {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
          .build();

  @Override
  public Map<String, Double> parse(String line) {
    Map<String, Double> values = new LinkedHashMap<>();
    String trimmed = line.trim();
    if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
      return values;
    }
    JsonNode node;
    try {
      node = JSON.readTree(trimmed);
    } catch (java.io.IOException e) {
      return values;
    }
    node.fields()
        .forEachRemaining(
            f -> {
              Double value = value(f.getValue());
              if (value != null) {
                values.put(f.getKey(), value);
              }
            });
    return values;
  }

  private static Double value(JsonNode node) {
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.isTextual() ? Numbers.parse(node.asText()) : null;
  }
}
