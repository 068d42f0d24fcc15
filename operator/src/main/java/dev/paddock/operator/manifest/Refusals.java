package dev.paddock.operator.manifest;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The API server's refusal messages, built from field errors. */
public final class Refusals {

  private Refusals() {}

  /**
   * The message the server returns for a create refused with {@code errors}: {@code Kind.group
   * "name" is invalid: [err1, err2]} (one error without brackets, repeated messages once), or, for
   * unknown fields, the strict decoding error {@code Kind in version "v" cannot be handled as a
   * Kind: strict decoding error: unknown field "spec.foo"}.
   */
  public static String message(ResourceSchema schema, String name, List<FieldError> errors) {
    List<FieldError> unknown =
        errors.stream().filter(e -> e.type() == FieldError.ErrorType.UNKNOWN_FIELD).toList();
    if (!unknown.isEmpty()) {
      return schema.kind()
          + " in version "
          + GoFormat.quote(schema.version())
          + " cannot be handled as a "
          + schema.kind()
          + ": strict decoding error: "
          + String.join(", ", unknown.stream().map(FieldError::message).toList());
    }
    String invalid = schema.qualifiedKind() + " " + GoFormat.quote(name) + " is invalid";
    Set<String> messages = new LinkedHashSet<>();
    errors.forEach(e -> messages.add(e.message()));
    if (messages.isEmpty()) {
      return invalid;
    }
    if (messages.size() == 1) {
      return invalid + ": " + messages.iterator().next();
    }
    return invalid + ": [" + String.join(", ", messages) + "]";
  }
}
