package dev.paddock.operator.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks the API server makes of {@code metadata} on create: a name (or generateName) that is a
 * DNS subdomain, and a namespace, where given, that is a DNS label. Labels, annotations and owner
 * references are not checked here.
 */
final class MetadataValidator {

  private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String SUBDOMAIN = LABEL + "(\\." + LABEL + ")*";
  private static final Pattern SUBDOMAIN_PATTERN = Pattern.compile(SUBDOMAIN);
  private static final Pattern LABEL_PATTERN = Pattern.compile(LABEL);
  private static final String SUBDOMAIN_MESSAGE =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'example.com',"
          + " regex used for validation is '"
          + SUBDOMAIN
          + "')";
  private static final String LABEL_MESSAGE =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and"
          + " must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc',"
          + " regex used for validation is '"
          + LABEL
          + "')";

  private MetadataValidator() {}

  static List<FieldError> validate(Object metadata) {
    Map<?, ?> fields = metadata instanceof Map<?, ?> map ? map : Map.of();
    List<FieldError> errors = new ArrayList<>();
    String generateName = text(fields.get("generateName"));
    if (!generateName.isEmpty()) {
      String prefix =
          generateName.endsWith("-")
              ? generateName.substring(0, generateName.length() - 1) + "a"
              : generateName;
      checkName("metadata.generateName", generateName, prefix, errors);
    }
    String name = text(fields.get("name"));
    if (name.isEmpty()) {
      errors.add(FieldError.required("metadata.name", "name or generateName is required"));
    } else {
      checkName("metadata.name", name, name, errors);
    }
    String namespace = text(fields.get("namespace"));
    if (!namespace.isEmpty()) {
      if (namespace.length() > 63) {
        errors.add(FieldError.invalid("metadata.namespace", namespace, maxLength(63)));
      }
      if (!LABEL_PATTERN.matcher(namespace).matches()) {
        errors.add(FieldError.invalid("metadata.namespace", namespace, LABEL_MESSAGE));
      }
    }
    return errors;
  }

  private static void checkName(
      String field, String value, String checked, List<FieldError> errors) {
    if (checked.length() > 253) {
      errors.add(FieldError.invalid(field, value, maxLength(253)));
    }
    if (!SUBDOMAIN_PATTERN.matcher(checked).matches()) {
      errors.add(FieldError.invalid(field, value, SUBDOMAIN_MESSAGE));
    }
  }

  private static String maxLength(int length) {
    return "must be no more than " + length + " characters";
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }
}
