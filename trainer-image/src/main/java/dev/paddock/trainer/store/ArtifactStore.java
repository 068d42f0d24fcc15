package dev.paddock.trainer.store;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A place for a trial's artifacts, addressed by keys relative to a prefix ({@code model/x.params},
 * {@code metadata.json}). The same layout in MinIO/S3 and in a local directory.
 */
public interface ArtifactStore {

  /** Writes bytes under a key, replacing any previous object. */
  void put(String key, byte[] bytes);

  /** Uploads a local file under a key. */
  void putFile(String key, Path file);

  /** Reads an object, or empty when it does not exist. */
  Optional<byte[]> get(String key);

  /** Opens an object for streaming; a missing key is a user error naming the URI. */
  InputStream open(String key);

  /** Deletes an object; a missing one is not an error. */
  void delete(String key);

  /** Keys (relative to this store's prefix) under a sub-prefix, sorted. */
  List<String> list(String prefix);

  /** The full URI of a key, for messages and summaries. */
  String uri(String key);
}
