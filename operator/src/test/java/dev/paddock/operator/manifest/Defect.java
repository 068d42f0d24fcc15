package dev.paddock.operator.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One thing wrong with a study manifest, applied in place to its decoded tree.
 *
 * @param kind the defect's family, counted to show every family was tried
 * @param detail what exactly was broken, for the report of a disagreement
 */
record Defect(String kind, String detail, Consumer<Map<String, Object>> change) {

  static Defect of(String kind, Object detail, Consumer<Map<String, Object>> change) {
    return new Defect(kind, String.valueOf(detail), change);
  }

  void applyTo(Map<String, Object> resource) {
    change.accept(resource);
  }

  @Override
  public String toString() {
    return kind + "(" + detail + ")";
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Map<String, Object> parent, String key) {
    return (Map<String, Object>)
        parent.compute(key, (k, v) -> v instanceof Map<?, ?> ? v : new LinkedHashMap<>());
  }

  /** The map at a dotted path, created on the way where missing. */
  static Map<String, Object> at(Map<String, Object> resource, String path) {
    Map<String, Object> node = resource;
    for (String part : path.split("\\.")) {
      node = object(node, part);
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Map<String, Object> parent, String key) {
    return (List<Object>)
        parent.compute(key, (k, v) -> v instanceof List<?> ? v : new ArrayList<>());
  }

  static List<Object> parameters(Map<String, Object> resource) {
    return list(at(resource, "spec.search"), "parameters");
  }

  static List<Object> containers(Map<String, Object> resource) {
    return list(at(resource, "spec.trial.template.spec"), "containers");
  }
}
