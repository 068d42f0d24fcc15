package dev.paddock.operator.manifest;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI v3 schema checks of a custom resource, in the order and with the words of the API
 * server's validator (kube-openapi): per value its type, then string, number, array, enum and
 * object constraints; per object first its fields, then its required fields.
 *
 * <p>Paths are written as the schema validator writes them: {@code spec.a[0].b}, and a map entry as
 * {@code spec.labels.key}.
 */
final class SchemaValidator {

  private final ValueConstraints constraints = new ValueConstraints();
  private final List<FieldError> errors = new ArrayList<>();

  private SchemaValidator() {}

  /** Every schema error of {@code resource} (a whole manifest, already pruned). */
  static List<FieldError> validate(Map<String, Object> resource, JSONSchemaProps schema) {
    SchemaValidator validator = new SchemaValidator();
    validator.validate("", resource, schema);
    return validator.errors;
  }

  private void validate(String path, Object value, JSONSchemaProps schema) {
    if (value == null) {
      checkNull(path, schema);
      constraints.checkEnum(path, null, schema, errors);
      return;
    }
    checkType(path, value, schema);
    if (value instanceof String text) {
      constraints.checkString(path, text, schema, errors);
    } else if (value instanceof Long || value instanceof Double) {
      constraints.checkNumber(path, (Number) value, schema, errors);
    } else if (value instanceof List<?> list) {
      validateArray(path, list, schema);
    }
    constraints.checkEnum(path, value, schema, errors);
    if (value instanceof Map<?, ?> map) {
      validateObject(path, StructuralPruner.asObject(map), schema);
    }
  }

  private void checkNull(String path, JSONSchemaProps schema) {
    if (schema.getType() != null && !Boolean.TRUE.equals(schema.getNullable())) {
      errors.add(typeError(path, schema.getType(), "null"));
    }
  }

  private void checkType(String path, Object value, JSONSchemaProps schema) {
    String expected = schema.getType();
    if (expected == null || expected.isEmpty()) {
      return;
    }
    String actual = jsonType(value);
    boolean integralFloat =
        value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9007199254740992.0;
    boolean matches =
        expected.equals(actual)
            || ("integer".equals(expected) && integralFloat)
            || ("number".equals(expected) && "integer".equals(actual));
    if (!matches) {
      errors.add(typeError(path, expected, actual));
    }
  }

  private static FieldError typeError(String path, String expected, String actual) {
    String detail = path + " in body must be of type " + expected + ": " + GoFormat.quote(actual);
    return FieldError.typeInvalid(path, actual, detail);
  }

  /** The JSON type of a decoded value, as kube-openapi names it. */
  static String jsonType(Object value) {
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Long) {
      return "integer";
    }
    if (value instanceof Double) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof List) {
      return "array";
    }
    if (value instanceof Map) {
      return "object";
    }
    return value == null ? "null" : "";
  }

  private void validateArray(String path, List<?> list, JSONSchemaProps schema) {
    JSONSchemaProps items = StructuralPruner.itemSchema(schema);
    if (items != null) {
      for (int i = 0; i < list.size(); i++) {
        validate(Paths.index(path, i), list.get(i), items);
      }
    }
    long size = list.size();
    if (schema.getMinItems() != null && size < schema.getMinItems()) {
      String detail = path + " in body should have at least " + schema.getMinItems() + " items";
      errors.add(FieldError.invalid(path, size, detail));
    }
    if (schema.getMaxItems() != null && size > schema.getMaxItems()) {
      errors.add(FieldError.tooMany(path, size, schema.getMaxItems()));
    }
  }

  private void validateObject(String path, Map<String, Object> object, JSONSchemaProps schema) {
    long size = object.size();
    if (schema.getMinProperties() != null && size < schema.getMinProperties()) {
      String detail =
          path + " in body should have at least " + schema.getMinProperties() + " properties";
      errors.add(FieldError.invalid(path, size, detail));
    }
    if (schema.getMaxProperties() != null && size > schema.getMaxProperties()) {
      errors.add(FieldError.tooMany(path, size, schema.getMaxProperties()));
    }
    Map<String, JSONSchemaProps> properties =
        schema.getProperties() == null ? Map.of() : schema.getProperties();
    JSONSchemaProps valueSchema =
        schema.getAdditionalProperties() == null
            ? null
            : schema.getAdditionalProperties().getSchema();
    if (valueSchema != null) {
      object.forEach(
          (key, value) -> {
            if (!properties.containsKey(key)) {
              validate(Paths.child(path, key), value, valueSchema);
            }
          });
    }
    object.forEach(
        (key, value) -> {
          if (properties.containsKey(key)) {
            validate(Paths.child(path, key), value, properties.get(key));
          }
        });
    if (schema.getRequired() != null) {
      for (String required : schema.getRequired()) {
        if (!object.containsKey(required)) {
          errors.add(FieldError.required(Paths.child(path, required), ""));
        }
      }
    }
  }
}
