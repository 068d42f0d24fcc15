package dev.paddock.operator.k8s;

/**
 * The operator's access key and secret key to the artifact store (from the credentials Secret, via
 * the environment the Helm chart sets). Never printed: {@link #toString()} hides both.
 */
public record StoreCredentials(String accessKey, String secretKey) {

  public static final StoreCredentials NONE = new StoreCredentials(null, null);

  public boolean present() {
    return accessKey != null && !accessKey.isBlank() && secretKey != null;
  }

  @Override
  public String toString() {
    return present() ? "StoreCredentials[given]" : "StoreCredentials[none]";
  }
}
