package dev.paddock.operator.manifest;

import dev.cel.common.values.NullValue;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a decoded manifest value into the value a CEL rule sees, typed by the schema as the API
 * server types it: {@code integer} fields are longs, {@code number} fields doubles (even when
 * written {@code 1}), and object properties are renamed as the server escapes them ({@code
 * namespace} becomes {@code __namespace__}, {@code a-b} becomes {@code a__dash__b}; a name that
 * cannot be escaped is not visible).
 */
final class CelValues {

  private static final Set<String> RESERVED =
      Set.of(
          "true",
          "false",
          "null",
          "in",
          "as",
          "break",
          "const",
          "continue",
          "else",
          "for",
          "function",
          "if",
          "import",
          "let",
          "loop",
          "package",
          "namespace",
          "return",
          "var",
          "void",
          "while");

  private CelValues() {}

  static Object of(Object value, JSONSchemaProps schema) {
    if (value == null) {
      return NullValue.NULL_VALUE;
    }
    String type = schema == null ? null : schema.getType();
    if ("number".equals(type) && value instanceof Number n) {
      return n.doubleValue();
    }
    if ("integer".equals(type) && value instanceof Double d && d == Math.rint(d)) {
      return d.longValue();
    }
    if (value instanceof Map<?, ?> map) {
      return object(StructuralPruner.asObject(map), schema);
    }
    if (value instanceof List<?> list) {
      JSONSchemaProps items = schema == null ? null : StructuralPruner.itemSchema(schema);
      List<Object> values = new ArrayList<>(list.size());
      list.forEach(item -> values.add(of(item, items)));
      return values;
    }
    return value;
  }

  private static Map<String, Object> object(Map<String, Object> fields, JSONSchemaProps schema) {
    Map<String, Object> values = new LinkedHashMap<>();
    boolean declared = schema != null && schema.getProperties() != null;
    fields.forEach(
        (name, value) -> {
          JSONSchemaProps field =
              schema == null ? null : StructuralPruner.fieldSchema(schema, name);
          boolean property = declared && schema.getProperties().containsKey(name);
          String celName = property ? escape(name) : name;
          if (celName != null) {
            values.put(celName, of(value, field));
          }
        });
    return values;
  }

  /** The name under which CEL sees an object property, or null where it cannot be escaped. */
  static String escape(String name) {
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      return null;
    }
    if (RESERVED.contains(name)) {
      return "__" + name + "__";
    }
    StringBuilder escaped = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '_' && i + 1 < name.length() && name.charAt(i + 1) == '_') {
        escaped.append("__underscores__");
        i++;
      } else if (c == '.' || c == '-' || c == '/') {
        escaped.append(c == '.' ? "__dot__" : c == '-' ? "__dash__" : "__slash__");
      } else if (c == '_' || (c < 128 && Character.isLetterOrDigit(c))) {
        escaped.append(c);
      } else {
        return null;
      }
    }
    return escaped.toString();
  }
}
