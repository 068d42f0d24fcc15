package dev.paddock.operator.k8s.archive;

import java.util.Map;

/**
 * The artifact store's access and secret key. They come only from the store Secret (the Helm chart
 * maps its keys {@code accessKey} and {@code secretKey} into the operator's environment); {@link
 * #toString()} never shows them, so a log or an exception message cannot leak them.
 *
 * @param accessKey null: anonymous (e.g. IAM roles for service accounts)
 */
public record StoreCredentials(String accessKey, String secretKey) {

  public static final StoreCredentials NONE = new StoreCredentials(null, null);

  /** From {@code PADDOCK_S3_ACCESS_KEY} and {@code PADDOCK_S3_SECRET_KEY}. */
  public static StoreCredentials fromEnv(Map<String, String> env) {
    String access = env.get("PADDOCK_S3_ACCESS_KEY");
    String secret = env.get("PADDOCK_S3_SECRET_KEY");
    if (access == null || access.isBlank()) {
      return NONE;
    }
    return new StoreCredentials(access, secret);
  }

  public boolean present() {
    return accessKey != null;
  }

  @Override
  public String toString() {
    return present() ? "StoreCredentials[redacted]" : "StoreCredentials[none]";
  }
}
