package dev.paddock.trainer.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paddock.trainer.util.Json;
import dev.paddock.trainer.util.TrainerException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses {@code PADDOCK_PARAMS}: a JSON object whose values are strings, numbers or booleans. */
public final class ParamsJson {

  private ParamsJson() {}

  /** Returns the parameters as strings; a blank input gives an empty map. */
  public static Map<String, String> parse(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    if (json == null || json.isBlank()) {
      return out;
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(json);
    } catch (Exception e) {
      throw TrainerException.user("PADDOCK_PARAMS is not valid JSON: " + oneLine(e.getMessage()));
    }
    if (node == null || !node.isObject()) {
      throw TrainerException.user("PADDOCK_PARAMS must be a JSON object, got: " + json);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isArray()) {
        StringBuilder sb = new StringBuilder();
        v.forEach(x -> sb.append(sb.length() == 0 ? "" : ",").append(x.asText()));
        out.put(e.getKey(), sb.toString());
      } else if (v.isFloatingPointNumber()) {
        out.put(e.getKey(), v.decimalValue().stripTrailingZeros().toPlainString());
      } else if (v.isValueNode()) {
        out.put(e.getKey(), v.asText());
      } else {
        throw TrainerException.user("PADDOCK_PARAMS: parameter " + e.getKey() + " is not a value");
      }
    }
    return out;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
