package dev.paddock.trainer.data;

import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.contract.store.S3Location;
import dev.paddock.contract.store.S3Settings;
import dev.paddock.contract.store.S3Store;
import dev.paddock.contract.store.Stores;
import dev.paddock.trainer.util.TrainerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens a {@link RowSource} from a data URI: local path, {@code file://}, {@code s3://}, {@code
 * synthetic:}.
 */
public final class Sources {

  private Sources() {}

  public static RowSource open(String uri, S3Settings s3) {
    if (uri == null || uri.isBlank()) {
      throw TrainerException.user("no data given (--data)");
    }
    if (uri.startsWith("synthetic:")) {
      return new SyntheticSource(uri);
    }
    boolean gz = uri.endsWith(".gz");
    if (uri.startsWith("s3://")) {
      String rest = uri.substring("s3://".length());
      int slash = rest.indexOf('/');
      if (slash <= 0 || slash == rest.length() - 1) {
        throw TrainerException.user("'" + uri + "' is not s3://bucket/key");
      }
      ArtifactStore store =
          new S3Store(S3Store.client(s3), S3Location.of(rest.substring(0, slash), ""));
      String key = rest.substring(slash + 1);
      return new CsvRowSource(() -> maybeGunzip(store.open(key), gz), uri);
    }
    Path path = Stores.localPath(uri);
    if (Files.isDirectory(path)) {
      throw TrainerException.user(uri + ": is a directory, expected a CSV file");
    }
    return new CsvRowSource(() -> maybeGunzip(openLocal(path, uri), gz), uri);
  }

  private static InputStream openLocal(Path path, String uri) throws IOException {
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw TrainerException.user(uri + ": no such file");
    }
  }

  private static InputStream maybeGunzip(InputStream in, boolean gz) throws IOException {
    return gz ? new GZIPInputStream(in, 1 << 16) : in;
  }
}
