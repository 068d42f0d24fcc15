package dev.paddock.operator.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The quickstart study as a decoded tree, to change one field at a time and validate. */
final class StudyFixture {

  static final Path QUICKSTART = Path.of("..", "examples", "quickstart", "study.yaml");

  private StudyFixture() {}

  static Map<String, Object> quickstart() {
    return StructuralPruner.asObject((Map<?, ?>) ManifestYaml.parse(text(), "study.yaml"));
  }

  static String text() {
    try {
      return Files.readString(QUICKSTART);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets the field at a dotted path ({@code spec.budget.maxTrials}, {@code a.b[1].c}). */
  static Map<String, Object> with(Map<String, Object> resource, String path, Object value) {
    String[] parts = path.split("\\.");
    Object node = resource;
    for (int i = 0; i < parts.length - 1; i++) {
      node = step(node, parts[i]);
    }
    StructuralPruner.asObject((Map<?, ?>) node).put(parts[parts.length - 1], mutable(value));
    return resource;
  }

  /** A deep copy that the validator may change (it prunes and defaults in place). */
  static Object mutable(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), mutable(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(item -> copy.add(mutable(item)));
      return copy;
    }
    return value;
  }

  /** Removes the field at a dotted path. */
  static Map<String, Object> without(Map<String, Object> resource, String path) {
    String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
    Object node = resource;
    for (String part : parent.isEmpty() ? new String[0] : parent.split("\\.")) {
      node = step(node, part);
    }
    ((Map<?, ?>) node).remove(path.substring(path.lastIndexOf('.') + 1));
    return resource;
  }

  private static Object step(Object node, String part) {
    int bracket = part.indexOf('[');
    if (bracket < 0) {
      return ((Map<?, ?>) node).get(part);
    }
    Object list = ((Map<?, ?>) node).get(part.substring(0, bracket));
    int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
    return ((List<?>) list).get(index);
  }

  /** The server's message for the resource, or null when it is accepted. */
  static String refusal(Map<String, Object> resource) {
    ResourceSchema schema = study();
    List<FieldError> errors = ManifestValidator.paddock().validate(resource, schema);
    return errors.isEmpty() ? null : Refusals.message(schema, "quickstart", errors);
  }

  static ResourceSchema study() {
    return ManifestValidator.paddock()
        .catalog()
        .find("paddock.dev/v1alpha1", "TrainingStudy")
        .orElseThrow();
  }
}
