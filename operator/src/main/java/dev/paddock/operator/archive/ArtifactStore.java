package dev.paddock.operator.archive;

import java.util.List;
import java.util.Optional;

/**
 * Objects under string keys with {@code /} as the separator, the same in a directory and in a
 * bucket. Keys never start with {@code /}.
 */
public interface ArtifactStore {

  /** Every key under the prefix, sorted. */
  List<String> list(String prefix);

  Optional<byte[]> get(String key);

  void put(String key, byte[] content);

  /** Copies one object (server-side where the store can). */
  void copy(String fromKey, String toKey);

  /** Deletes every object under the prefix. */
  void deletePrefix(String prefix);

  /** The URI of a prefix as a trainer takes it ({@code file:///...} or {@code s3://...}). */
  String uri(String prefix);
}
