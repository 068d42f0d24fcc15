package dev.paddock.contract.store;

import java.net.URI;

/** {@code s3://bucket/prefix/}: a bucket and a key prefix (empty or ending in {@code /}). */
public record S3Location(String bucket, String prefix) {

  public static S3Location parse(String uri) {
    URI parsed = URI.create(uri);
    if (!"s3".equals(parsed.getScheme()) || parsed.getHost() == null) {
      throw new IllegalArgumentException("not an s3://bucket/prefix location: " + uri);
    }
    String path = parsed.getPath() == null ? "" : parsed.getPath().replaceFirst("^/", "");
    return of(parsed.getHost(), path);
  }

  /** The bucket and a prefix, which gets its trailing {@code /} when it has none. */
  public static S3Location of(String bucket, String prefix) {
    return new S3Location(bucket, prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/");
  }

  public String uri(String key) {
    return "s3://" + bucket + "/" + prefix + key;
  }
}
