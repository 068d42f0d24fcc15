package dev.paddock.operator.manifest;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;

/**
 * A rule's {@code fieldPath} ({@code .budget.parallelism}, {@code .labels['a.b']}) resolved against
 * the rule's schema and appended to the path of the node that carries the rule, as the API server
 * normalizes it. A fieldPath that does not resolve leaves the node's path (the server would have
 * refused such a CRD).
 */
final class RuleFieldPath {

  private RuleFieldPath() {}

  static String append(String nodePath, String fieldPath, JSONSchemaProps schema) {
    String normalized = normalize(fieldPath, schema);
    if (normalized == null || normalized.isEmpty()) {
      return nodePath;
    }
    return "<nil>".equals(nodePath) ? normalized : nodePath + "." + normalized;
  }

  /** The path in the server's normalized form, or null when it names no field of the schema. */
  static String normalize(String fieldPath, JSONSchemaProps schema) {
    StringBuilder out = new StringBuilder();
    JSONSchemaProps current = schema;
    int i = 0;
    while (i < fieldPath.length()) {
      char c = fieldPath.charAt(i);
      String name;
      if (c == '.') {
        int end = nextDelimiter(fieldPath, i + 1);
        name = fieldPath.substring(i + 1, end);
        i = end;
      } else if (c == '[') {
        int close = fieldPath.indexOf("']", i);
        if (close < 0 || fieldPath.charAt(i + 1) != '\'') {
          return null;
        }
        name = fieldPath.substring(i + 2, close).replace("\\'", "'").replace("\\\\", "\\");
        i = close + 2;
      } else {
        return null;
      }
      if (name.isEmpty() || current == null) {
        return null;
      }
      boolean named = current.getProperties() != null && !current.getProperties().isEmpty();
      if (named) {
        current = current.getProperties().get(name);
        if (current == null) {
          return null;
        }
        out.append(out.length() > 0 ? "." : "").append(name);
      } else if (current.getAdditionalProperties() != null) {
        current = current.getAdditionalProperties().getSchema();
        out.append('[').append(name).append(']');
      } else {
        return null;
      }
    }
    return out.toString();
  }

  private static int nextDelimiter(String path, int from) {
    int i = from;
    while (i < path.length() && ".[]".indexOf(path.charAt(i)) < 0) {
      i++;
    }
    return i;
  }
}
