package dev.paddock.contract.store;

import java.net.URI;
import java.nio.file.Path;

/**
 * Opens an {@link ArtifactStore} from the URI a trainer gets in {@code PADDOCK_ARTIFACTS}: {@code
 * s3://bucket/prefix/}, {@code file:///dir/} or a plain path. A URI that names no usable store is a
 * non-retryable {@link StoreUnavailableException}.
 */
public final class Stores {

  private Stores() {}

  public static ArtifactStore open(String uri, S3Settings s3) {
    if (uri == null || uri.isBlank()) {
      throw notSetUp("no artifact location (set PADDOCK_ARTIFACTS or --artifacts)");
    }
    if (uri.startsWith("s3://")) {
      String rest = uri.substring("s3://".length());
      int slash = rest.indexOf('/');
      String bucket = slash < 0 ? rest : rest.substring(0, slash);
      String prefix = slash < 0 ? "" : rest.substring(slash + 1);
      if (bucket.isEmpty()) {
        throw notSetUp("'" + uri + "' has no bucket");
      }
      return new S3Store(S3Store.client(s3), S3Location.of(bucket, prefix));
    }
    return new DirectoryStore(localPath(uri));
  }

  /** A local path from {@code file:///x} or a plain path. */
  public static Path localPath(String uri) {
    if (uri.startsWith("file:")) {
      try {
        return Path.of(URI.create(uri));
      } catch (IllegalArgumentException e) {
        throw notSetUp("'" + uri + "' is not a valid file:// URI");
      }
    }
    if (uri.contains("://")) {
      throw notSetUp("'" + uri + "': only s3:// and file:// are supported");
    }
    return Path.of(uri);
  }

  private static StoreUnavailableException notSetUp(String message) {
    return new StoreUnavailableException(message, null, false);
  }
}
