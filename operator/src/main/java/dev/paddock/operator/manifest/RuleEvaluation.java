package dev.paddock.operator.manifest;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The rules of one schema node evaluated against one value, each failure worded as the API server
 * words it: the rule's message (or messageExpression, or {@code failed rule: <rule>}), at the
 * node's path or at the rule's fieldPath below it, with the node's schema type as the value. On a
 * create only the rules without {@code oldSelf} are evaluated; on an update's transition check,
 * only the rules that read {@code oldSelf}, bound to the node's old value.
 */
final class RuleEvaluation {

  private static final int MAX_MESSAGE_BYTES = 5 * 1024;

  private final CelEnvironment environment;
  private final String path;
  private final Map<String, Object> activation;
  private final JSONSchemaProps schema;
  private final String type;
  private final boolean transition;

  /** The rules of a create: those that do not read {@code oldSelf}. */
  RuleEvaluation(CelEnvironment environment, String path, Object self, JSONSchemaProps schema) {
    this(environment, path, Map.of(CelEnvironment.SELF, self), schema, false);
  }

  private RuleEvaluation(
      CelEnvironment environment,
      String path,
      Map<String, Object> activation,
      JSONSchemaProps schema,
      boolean transition) {
    this.environment = environment;
    this.path = path;
    this.activation = activation;
    this.schema = schema;
    this.type = schema.getType() == null ? "" : schema.getType();
    this.transition = transition;
  }

  /** The transition rules of an update: those that read {@code oldSelf}, bound to {@code old}. */
  static RuleEvaluation transition(
      CelEnvironment environment, String path, Object self, Object old, JSONSchemaProps schema) {
    return new RuleEvaluation(
        environment,
        path,
        Map.of(CelEnvironment.SELF, self, CelEnvironment.OLD_SELF, old),
        schema,
        true);
  }

  void evaluate(ValidationRule rule, List<FieldError> errors) {
    if (rule.getRule() == null || rule.getRule().isBlank()) {
      return;
    }
    CelEnvironment.Compiled compiled = environment.compile(rule.getRule());
    if (compiled.error() != null) {
      if (!transition) { // reported once, with the create's rules
        errors.add(FieldError.invalid(path, type, "rule compile error: " + compiled.error()));
      }
      return;
    }
    if (compiled.usesOldSelf() != transition) {
      return;
    }
    Object result;
    try {
      result = compiled.program().eval(activation);
    } catch (Exception e) {
      errors.add(FieldError.invalid(path, type, CelErrors.describeRuleError(e, errorString(rule))));
      return;
    }
    if (!Boolean.TRUE.equals(result)) {
      errors.add(failure(rule));
    }
  }

  private FieldError failure(ValidationRule rule) {
    String field = path;
    if (rule.getFieldPath() != null && !rule.getFieldPath().isEmpty()) {
      field = RuleFieldPath.append(path, rule.getFieldPath(), schema);
    }
    String message = messageOrDefault(rule);
    if (rule.getMessageExpression() != null && !rule.getMessageExpression().isBlank()) {
      String evaluated = evaluateMessage(rule.getMessageExpression());
      message = evaluated == null ? message : evaluated;
    }
    return forReason(field, message, rule.getReason());
  }

  /** The message an expression gives, or null where it fails (then the static one is used). */
  private String evaluateMessage(String expression) {
    CelEnvironment.Compiled compiled = environment.compile(expression);
    if (compiled.program() == null) {
      return null;
    }
    try {
      if (compiled.program().eval(activation) instanceof String text) {
        String trimmed = text.strip();
        boolean usable =
            !trimmed.isEmpty()
                && !trimmed.contains("\n")
                && trimmed.getBytes(StandardCharsets.UTF_8).length <= MAX_MESSAGE_BYTES;
        return usable ? trimmed : null;
      }
      return null;
    } catch (Exception e) {
      return null;
    }
  }

  private FieldError forReason(String field, String message, String reason) {
    if (reason == null) {
      return FieldError.invalid(field, type, message);
    }
    return switch (reason) {
      case "FieldValueForbidden" -> FieldError.forbidden(field, message);
      case "FieldValueRequired" -> FieldError.required(field, message);
      case "FieldValueDuplicate" -> FieldError.duplicate(field, type);
      default -> FieldError.invalid(field, type, message);
    };
  }

  private static String messageOrDefault(ValidationRule rule) {
    if (rule.getMessage() == null || rule.getMessage().isEmpty()) {
      return "failed rule: " + errorString(rule);
    }
    return rule.getMessage().strip();
  }

  private static String errorString(ValidationRule rule) {
    if (rule.getMessage() != null && !rule.getMessage().isEmpty()) {
      return rule.getMessage().strip();
    }
    return rule.getRule().strip();
  }
}
