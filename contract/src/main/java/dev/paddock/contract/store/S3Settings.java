package dev.paddock.contract.store;

import dev.paddock.contract.TrainerEnv;
import java.util.Map;

/**
 * Where the S3-compatible store is and how to sign in. From {@code PADDOCK_S3_ENDPOINT}, {@code
 * PADDOCK_S3_ACCESS_KEY}, {@code PADDOCK_S3_SECRET_KEY}, {@code PADDOCK_S3_REGION}, falling back to
 * {@code AWS_ENDPOINT_URL}, {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code
 * AWS_REGION}.
 */
public record S3Settings(String endpoint, String accessKey, String secretKey, String region) {

  public static S3Settings fromEnv(Map<String, String> env) {
    return new S3Settings(
        first(env, TrainerEnv.S3_ENDPOINT, "AWS_ENDPOINT_URL", "https://s3.amazonaws.com"),
        first(env, TrainerEnv.S3_ACCESS_KEY, "AWS_ACCESS_KEY_ID", null),
        first(env, TrainerEnv.S3_SECRET_KEY, "AWS_SECRET_ACCESS_KEY", null),
        first(env, "PADDOCK_S3_REGION", "AWS_REGION", "us-east-1"));
  }

  private static String first(Map<String, String> env, String a, String b, String def) {
    String v = env.get(a);
    if (v == null || v.isBlank()) {
      v = env.get(b);
    }
    return v == null || v.isBlank() ? def : v;
  }

  @Override
  public String toString() {
    return "S3Settings[endpoint="
        + endpoint
        + ", accessKey="
        + accessKey
        + ", region="
        + region
        + "]";
  }
}
