package dev.paddock.operator.local;

import dev.paddock.contract.TrainerEnv;
import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.contract.store.DirectoryStore;
import dev.paddock.contract.store.S3Store;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a local run's trial artifacts and archive go: the run's directory (default), or an S3
 * bucket (MinIO or any S3) given as {@code s3://bucket[/prefix]} with its endpoint and credentials.
 * The runner's own records stay in the run's directory either way.
 */
public record ArtifactTarget(String s3Uri, String endpoint, String accessKey, String secretKey) {

  public static final ArtifactTarget LOCAL = new ArtifactTarget(null, null, null, null);

  public ArtifactTarget {
    if (s3Uri != null && endpoint == null) {
      throw new IllegalArgumentException(
          "an s3:// store needs --endpoint (e.g. http://127.0.0.1:9000)");
    }
    if (s3Uri != null && (accessKey == null || secretKey == null)) {
      throw new IllegalArgumentException(
          "an s3:// store needs credentials in PADDOCK_S3_ACCESS_KEY and PADDOCK_S3_SECRET_KEY"
              + " (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)");
    }
  }

  /** S3 credentials from the environment, as the trainer reads them too. */
  public static ArtifactTarget s3(String uri, String endpoint, Map<String, String> env) {
    return new ArtifactTarget(
        uri,
        endpoint,
        first(env, "PADDOCK_S3_ACCESS_KEY", "AWS_ACCESS_KEY_ID"),
        first(env, "PADDOCK_S3_SECRET_KEY", "AWS_SECRET_ACCESS_KEY"));
  }

  public boolean isS3() {
    return s3Uri != null;
  }

  ArtifactStore open(Path localRoot) {
    return isS3()
        ? S3Store.connect(s3Uri, endpoint, accessKey, secretKey)
        : new DirectoryStore(localRoot);
  }

  /** What the trainer needs to reach the store. */
  Map<String, String> trainerEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    if (isS3()) {
      env.put(TrainerEnv.S3_ENDPOINT, endpoint);
      env.put(TrainerEnv.S3_ACCESS_KEY, accessKey);
      env.put(TrainerEnv.S3_SECRET_KEY, secretKey);
    }
    return env;
  }

  private static String first(Map<String, String> env, String preferred, String fallback) {
    String value = env.get(preferred);
    return value != null && !value.isBlank() ? value : env.get(fallback);
  }

  @Override
  public String toString() {
    // Never print the credentials.
    return isS3() ? s3Uri + " at " + endpoint : "local directory";
  }
}
