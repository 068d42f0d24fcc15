package dev.paddock.operator.manifest;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates the transition rules of a schema (the {@code x-kubernetes-validations} that read {@code
 * oldSelf}) over an update, as the API server does: at every node where the new and the old object
 * both have a value that the server correlates, with {@code oldSelf} bound to the old one. Object
 * properties and map entries correlate by name; list items only in a {@code x-kubernetes-list-type:
 * map} list, by its keys (the items of other lists have no old value). A rule is not evaluated
 * where the old value is absent ({@code optionalOldSelf} is not supported).
 */
final class TransitionRuleValidator {

  private final CelEnvironment environment;
  private final List<FieldError> errors = new ArrayList<>();

  private TransitionRuleValidator(CelEnvironment environment) {
    this.environment = environment;
  }

  /** The errors of every transition rule that fails from {@code old} to {@code resource}. */
  static List<FieldError> validate(
      CelEnvironment environment,
      Map<String, Object> resource,
      Map<String, Object> old,
      JSONSchemaProps schema) {
    TransitionRuleValidator validator = new TransitionRuleValidator(environment);
    validator.validate("", resource, old, schema);
    return validator.errors;
  }

  private void validate(String path, Object value, Object old, JSONSchemaProps schema) {
    if (value == null || old == null || schema == null) {
      return;
    }
    List<ValidationRule> rules = schema.getXKubernetesValidations();
    if (rules != null && !rules.isEmpty()) {
      RuleEvaluation evaluation =
          RuleEvaluation.transition(
              environment,
              Paths.shown(path),
              CelValues.of(value, schema),
              CelValues.of(old, schema),
              schema);
      rules.forEach(rule -> evaluation.evaluate(rule, errors));
    }
    if (value instanceof Map<?, ?> map && old instanceof Map<?, ?> oldMap) {
      validateFields(path, StructuralPruner.asObject(map), oldMap, schema);
    } else if (value instanceof List<?> list && old instanceof List<?> oldList) {
      validateItems(path, list, oldList, schema);
    }
  }

  private void validateFields(
      String path, Map<String, Object> object, Map<?, ?> old, JSONSchemaProps schema) {
    JSONSchemaProps valueSchema =
        schema.getAdditionalProperties() == null
            ? null
            : schema.getAdditionalProperties().getSchema();
    if (valueSchema != null) {
      object.forEach(
          (key, value) -> validate(Paths.key(path, key), value, old.get(key), valueSchema));
    }
    if (schema.getProperties() != null) {
      object.forEach(
          (key, value) -> {
            JSONSchemaProps property = schema.getProperties().get(key);
            if (property != null) {
              validate(Paths.child(path, key), value, old.get(key), property);
            }
          });
    }
  }

  private void validateItems(String path, List<?> list, List<?> old, JSONSchemaProps schema) {
    List<String> keys = schema.getXKubernetesListMapKeys();
    if (!"map".equals(schema.getXKubernetesListType()) || keys == null || keys.isEmpty()) {
      return;
    }
    JSONSchemaProps items = StructuralPruner.itemSchema(schema);
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      validate(Paths.index(path, i), item, correlated(item, old, keys), items);
    }
  }

  /** The old item with the same values of every key as {@code item}, or null. */
  private static Object correlated(Object item, List<?> old, List<String> keys) {
    if (!(item instanceof Map<?, ?> map)) {
      return null;
    }
    for (Object candidate : old) {
      if (candidate instanceof Map<?, ?> oldMap
          && keys.stream().allMatch(k -> Objects.equals(map.get(k), oldMap.get(k)))) {
        return candidate;
      }
    }
    return null;
  }
}
