package dev.paddock.operator.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the API server does to a custom resource while decoding it, before validation: it finds the
 * fields its structural schema does not know (refused under strict field validation, kubectl's
 * default), drops nulls from fields that are not nullable, and applies schema defaults.
 */
final class StructuralPruner {

  private static final Set<String> TYPE_AND_OBJECT_META = Set.of("apiVersion", "kind", "metadata");

  /** The fields of ObjectMeta, which the server decodes strictly on its own. */
  private static final Set<String> OBJECT_META_FIELDS =
      Set.of(
          "name",
          "generateName",
          "namespace",
          "selfLink",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "labels",
          "annotations",
          "ownerReferences",
          "finalizers",
          "managedFields");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> unknownFields = new ArrayList<>();

  private StructuralPruner() {}

  /**
   * Removes unknown fields from {@code resource} (a whole manifest), drops non-nullable nulls and
   * applies defaults; returns the unknown fields as the server names them, metadata first, then the
   * rest sorted.
   */
  static List<String> prune(Map<String, Object> resource, JSONSchemaProps schema) {
    StructuralPruner pruner = new StructuralPruner();
    List<String> unknownMetadata = unknownMetadataFields(resource.get("metadata"));
    pruner.pruneResourceRoot(resource, schema);
    Collections.sort(pruner.unknownFields);
    dropNullsAndDefault(resource, schema);
    List<String> all = new ArrayList<>(unknownMetadata);
    all.addAll(pruner.unknownFields);
    return all;
  }

  private static List<String> unknownMetadataFields(Object metadata) {
    if (!(metadata instanceof Map<?, ?> fields)) {
      return List.of();
    }
    return fields.keySet().stream()
        .map(String::valueOf)
        .filter(k -> !OBJECT_META_FIELDS.contains(k))
        .map(k -> "metadata." + k)
        .sorted()
        .toList();
  }

  private void pruneResourceRoot(Map<String, Object> resource, JSONSchemaProps schema) {
    Iterator<Map.Entry<String, Object>> entries = resource.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<String, Object> entry = entries.next();
      if (TYPE_AND_OBJECT_META.contains(entry.getKey())) {
        continue;
      }
      JSONSchemaProps field = fieldSchema(schema, entry.getKey());
      if (field == null) {
        unknownFields.add(entry.getKey());
        entries.remove();
      } else {
        prune(entry.getValue(), field, entry.getKey());
      }
    }
  }

  private void prune(Object value, JSONSchemaProps schema, String path) {
    if (schema != null && Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields())) {
      pruneKnownOnly(value, schema, path);
    } else if (value instanceof Map<?, ?> map) {
      pruneObject(asObject(map), schema, path);
    } else if (value instanceof List<?> list) {
      JSONSchemaProps items = schema == null ? null : itemSchema(schema);
      for (int i = 0; i < list.size(); i++) {
        prune(list.get(i), items, Paths.index(path, i));
      }
    }
  }

  private void pruneObject(Map<String, Object> object, JSONSchemaProps schema, String path) {
    Iterator<Map.Entry<String, Object>> entries = object.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<String, Object> entry = entries.next();
      String fieldPath = Paths.child(path, entry.getKey());
      JSONSchemaProps field = schema == null ? null : fieldSchema(schema, entry.getKey());
      if (field == null) {
        unknownFields.add(fieldPath);
        entries.remove();
      } else {
        prune(entry.getValue(), field, fieldPath);
      }
    }
  }

  /** Below x-kubernetes-preserve-unknown-fields: unknown fields stay, known ones are pruned. */
  private void pruneKnownOnly(Object value, JSONSchemaProps schema, String path) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<String, Object> entry : asObject(map).entrySet()) {
        JSONSchemaProps field = fieldSchema(schema, entry.getKey());
        if (field != null) {
          prune(entry.getValue(), field, Paths.child(path, entry.getKey()));
        }
      }
    } else if (value instanceof List<?> list) {
      JSONSchemaProps items = itemSchema(schema);
      for (int i = 0; i < list.size(); i++) {
        if (items != null) {
          pruneKnownOnly(list.get(i), items, Paths.index(path, i));
        }
      }
    }
  }

  /** Drops nulls the schema does not allow (where no default replaces them); fills defaults. */
  private static void dropNullsAndDefault(Object value, JSONSchemaProps schema) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> object = asObject(map);
      object.entrySet().removeIf(e -> e.getValue() == null && dropsNull(schema, e.getKey()));
      applyDefaults(object, schema);
      object.forEach(
          (k, v) -> dropNullsAndDefault(v, schema == null ? null : fieldSchema(schema, k)));
    } else if (value instanceof List<?> list) {
      JSONSchemaProps items = schema == null ? null : itemSchema(schema);
      list.forEach(item -> dropNullsAndDefault(item, items));
    }
  }

  private static boolean dropsNull(JSONSchemaProps schema, String key) {
    JSONSchemaProps field = schema == null ? null : fieldSchema(schema, key);
    return field != null && !Boolean.TRUE.equals(field.getNullable()) && field.getDefault() == null;
  }

  private static void applyDefaults(Map<String, Object> object, JSONSchemaProps schema) {
    if (schema == null || schema.getProperties() == null) {
      return;
    }
    schema
        .getProperties()
        .forEach(
            (name, field) -> {
              if (field.getDefault() != null
                  && !field.getDefault().isNull()
                  && object.get(name) == null) {
                Object value = JSON.convertValue(field.getDefault(), Object.class);
                object.put(name, ManifestYaml.asJson(value, "the default of " + name));
              }
            });
  }

  /** The schema of a field of an object: a declared property, else the map's value schema. */
  static JSONSchemaProps fieldSchema(JSONSchemaProps schema, String name) {
    if (schema.getProperties() != null && schema.getProperties().containsKey(name)) {
      return schema.getProperties().get(name);
    }
    if (schema.getAdditionalProperties() != null) {
      return schema.getAdditionalProperties().getSchema();
    }
    return null;
  }

  static JSONSchemaProps itemSchema(JSONSchemaProps schema) {
    return schema.getItems() == null ? null : schema.getItems().getSchema();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asObject(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
