package dev.paddock.operator.k8s.serving;

/** Labels and annotations of the serving Deployment, Service and pods. */
final class ServingLabels {

  /** The ModelDeployment that owns the object (also the Service's and Deployment's selector). */
  static final String MODEL_DEPLOYMENT = "paddock.dev/model-deployment";

  /**
   * Which Deployment a pod belongs to: the primary's or the canary's (the Service selects both).
   */
  static final String TRACK = "paddock.dev/track";

  static final String PRIMARY_TRACK = "primary";
  static final String CANARY_TRACK = "canary";

  /** The served model's code, as a label value (so {@code kubectl get pods -L} shows rollouts). */
  static final String MODEL_CODE = "paddock.dev/model-code";

  /** The served model's code exactly (annotation: codes are not always valid label values). */
  static final String MODEL_CODE_ANNOTATION = "paddock.dev/model-code";

  /** The served model's URI. */
  static final String MODEL_URI_ANNOTATION = "paddock.dev/model-uri";

  private ServingLabels() {}

  /**
   * A code as a label value: at most 63 characters of {@code [A-Za-z0-9._-]}, starting and ending
   * with an alphanumeric character.
   */
  static String labelValue(String code) {
    String value = trim(code.replaceAll("[^A-Za-z0-9._-]", "-"));
    value = trim(value.substring(0, Math.min(63, value.length())));
    return value.isEmpty() ? "model" : value;
  }

  private static String trim(String value) {
    return value.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
  }
}
