package dev.paddock.operator.manifest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One reason a manifest is refused, shaped like the API server's {@code field.Error}: the field's
 * path, the kind of error, the offending value and a detail. {@link #message()} prints it exactly
 * as the server does.
 *
 * @param type the kind of error
 * @param field the path of the field, such as {@code spec.search.parameters[1].name}
 * @param badValue the offending value, or {@link #OMITTED} where the server does not print one
 * @param detail what is wrong, or an empty string
 */
public record FieldError(ErrorType type, String field, Object badValue, String detail) {

  /** Marks a bad value that the message leaves out. */
  static final Object OMITTED = new Object();

  /** The kinds of error, with the words the API server prints for each. */
  public enum ErrorType {
    REQUIRED("Required value"),
    INVALID("Invalid value"),
    TYPE_INVALID("Invalid value"),
    NOT_SUPPORTED("Unsupported value"),
    TOO_LONG("Too long"),
    TOO_MANY("Too many"),
    DUPLICATE("Duplicate value"),
    FORBIDDEN("Forbidden"),
    INTERNAL("Internal error"),
    /** A field the schema does not know: refused by strict field validation, before validation. */
    UNKNOWN_FIELD("unknown field");

    private final String words;

    ErrorType(String words) {
      this.words = words;
    }

    /** What the server prints for this kind of error. */
    public String words() {
      return words;
    }

    /** Whether the server skips the CEL rules when a schema check fails this way. */
    boolean blocksRules() {
      return this == NOT_SUPPORTED
          || this == REQUIRED
          || this == TOO_LONG
          || this == TOO_MANY
          || this == TYPE_INVALID;
    }
  }

  static FieldError required(String field, String detail) {
    return new FieldError(ErrorType.REQUIRED, field, OMITTED, detail);
  }

  static FieldError invalid(String field, Object value, String detail) {
    return new FieldError(ErrorType.INVALID, field, value, detail);
  }

  static FieldError typeInvalid(String field, Object value, String detail) {
    return new FieldError(ErrorType.TYPE_INVALID, field, value, detail);
  }

  static FieldError notSupported(String field, Object value, List<String> supported) {
    String detail =
        supported.isEmpty()
            ? ""
            : supported.stream()
                .map(GoFormat::quote)
                .collect(Collectors.joining(", ", "supported values: ", ""));
    return new FieldError(ErrorType.NOT_SUPPORTED, field, value, detail);
  }

  static FieldError tooLong(String field, long maxLength) {
    String detail =
        maxLength >= 0 ? "may not be more than " + maxLength + " bytes" : "value is too long";
    return new FieldError(ErrorType.TOO_LONG, field, OMITTED, detail);
  }

  static FieldError tooMany(String field, long actual, long max) {
    String detail = max >= 0 ? "must have at most " + max + " items" : "has too many items";
    return new FieldError(ErrorType.TOO_MANY, field, actual >= 0 ? actual : OMITTED, detail);
  }

  static FieldError duplicate(String field, Object value) {
    return new FieldError(ErrorType.DUPLICATE, field, value, "");
  }

  static FieldError forbidden(String field, String detail) {
    return new FieldError(ErrorType.FORBIDDEN, field, OMITTED, detail);
  }

  static FieldError internal(String field, String detail) {
    return new FieldError(ErrorType.INTERNAL, field, OMITTED, detail);
  }

  static FieldError unknownField(String field) {
    return new FieldError(ErrorType.UNKNOWN_FIELD, field, OMITTED, "");
  }

  /** The error as the server prints it: {@code <field>: <body>}. */
  public String message() {
    if (type == ErrorType.UNKNOWN_FIELD) {
      return "unknown field " + GoFormat.quote(field);
    }
    return field + ": " + body();
  }

  /** The part after the field: the kind, the value where the server shows one, the detail. */
  public String body() {
    StringBuilder body = new StringBuilder(type.words());
    boolean valueShown =
        switch (type) {
          case REQUIRED, FORBIDDEN, TOO_LONG, INTERNAL, UNKNOWN_FIELD -> false;
          default -> badValue != OMITTED;
        };
    if (valueShown) {
      body.append(": ").append(GoFormat.badValue(badValue));
    }
    if (!detail.isEmpty()) {
      body.append(": ").append(detail);
    }
    return body.toString();
  }

  @Override
  public String toString() {
    return message();
  }
}
