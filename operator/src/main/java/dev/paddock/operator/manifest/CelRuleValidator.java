package dev.paddock.operator.manifest;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the {@code x-kubernetes-validations} rules of a schema over a manifest as the API
 * server does on create: every rule of a node, then the rules below it; transition rules (those
 * that read {@code oldSelf}) are skipped, since a create has no old object. Paths are written as
 * the CEL validator writes them: a map entry as {@code spec.labels[key]}.
 */
final class CelRuleValidator {

  private final CelEnvironment environment;
  private final List<FieldError> errors = new ArrayList<>();

  private CelRuleValidator(CelEnvironment environment) {
    this.environment = environment;
  }

  /** The errors of every rule that fails (or cannot be evaluated) in {@code resource}. */
  static List<FieldError> validate(
      CelEnvironment environment, Map<String, Object> resource, JSONSchemaProps schema) {
    CelRuleValidator validator = new CelRuleValidator(environment);
    validator.validate("", resource, schema);
    return validator.errors;
  }

  private void validate(String path, Object value, JSONSchemaProps schema) {
    if (value == null || schema == null) {
      return;
    }
    List<ValidationRule> rules = schema.getXKubernetesValidations();
    if (rules != null && !rules.isEmpty()) {
      RuleEvaluation evaluation =
          new RuleEvaluation(environment, Paths.shown(path), CelValues.of(value, schema), schema);
      rules.forEach(rule -> evaluation.evaluate(rule, errors));
    }
    if (value instanceof Map<?, ?> map) {
      validateFields(path, StructuralPruner.asObject(map), schema);
    } else if (value instanceof List<?> list) {
      JSONSchemaProps items = StructuralPruner.itemSchema(schema);
      for (int i = 0; i < list.size(); i++) {
        validate(Paths.index(path, i), list.get(i), items);
      }
    }
  }

  private void validateFields(String path, Map<String, Object> object, JSONSchemaProps schema) {
    JSONSchemaProps valueSchema =
        schema.getAdditionalProperties() == null
            ? null
            : schema.getAdditionalProperties().getSchema();
    if (valueSchema != null) {
      object.forEach((key, value) -> validate(Paths.key(path, key), value, valueSchema));
    }
    if (schema.getProperties() != null) {
      object.forEach(
          (key, value) -> {
            JSONSchemaProps property = schema.getProperties().get(key);
            if (property != null) {
              validate(Paths.child(path, key), value, property);
            }
          });
    }
  }
}
