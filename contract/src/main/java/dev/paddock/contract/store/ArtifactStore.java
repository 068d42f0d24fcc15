package dev.paddock.contract.store;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Objects under string keys with {@code /} as the separator, the same in a directory and in a
 * bucket ({@link ArtifactLayout}). Keys are relative to the store's root and never start with
 * {@code /}. Failures to reach the store surface as {@link StoreUnavailableException}.
 */
public interface ArtifactStore {

  /** Writes bytes under a key, replacing any previous object. */
  void put(String key, byte[] content);

  /** Uploads a local file under a key. */
  void putFile(String key, Path file);

  /** Reads an object, or empty when it does not exist. */
  Optional<byte[]> get(String key);

  /** Opens an object for streaming; a missing key is a non-retryable failure naming its URI. */
  InputStream open(String key);

  /** Every key under the prefix (a plain string prefix, as in S3), sorted. */
  List<String> list(String prefix);

  /** Deletes an object; a missing one is not an error. */
  void delete(String key);

  /** Copies one object (server-side where the store can). */
  void copy(String fromKey, String toKey);

  /** Deletes every object under the prefix. */
  void deletePrefix(String prefix);

  /** The URI of a key or prefix as a trainer takes it ({@code file:///...} or {@code s3://...}). */
  String uri(String key);
}
