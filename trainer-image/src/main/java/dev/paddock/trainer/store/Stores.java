package dev.paddock.trainer.store;

import dev.paddock.trainer.util.TrainerException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Opens an {@link ArtifactStore} from a URI: {@code s3://bucket/prefix/}, {@code file:///dir/} or a
 * path.
 */
public final class Stores {

  private Stores() {}

  public static ArtifactStore open(String uri, S3Settings s3) {
    if (uri == null || uri.isBlank()) {
      throw TrainerException.user("no artifact location (set PADDOCK_ARTIFACTS or --artifacts)");
    }
    if (uri.startsWith("s3://")) {
      String rest = uri.substring("s3://".length());
      int slash = rest.indexOf('/');
      String bucket = slash < 0 ? rest : rest.substring(0, slash);
      String prefix = slash < 0 ? "" : rest.substring(slash + 1);
      if (bucket.isEmpty()) {
        throw TrainerException.user("'" + uri + "' has no bucket");
      }
      return new S3Store(S3Store.client(s3), bucket, prefix);
    }
    return new LocalStore(localPath(uri));
  }

  /** A local path from {@code file:///x} or a plain path. */
  public static Path localPath(String uri) {
    if (uri.startsWith("file:")) {
      try {
        return Path.of(URI.create(uri));
      } catch (IllegalArgumentException e) {
        throw TrainerException.user("'" + uri + "' is not a valid file:// URI");
      }
    }
    if (uri.contains("://")) {
      throw TrainerException.user("'" + uri + "': only s3:// and file:// are supported");
    }
    return Path.of(uri);
  }
}
