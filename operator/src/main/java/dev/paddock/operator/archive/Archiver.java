package dev.paddock.operator.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.paddock.contract.store.ArtifactLayout;
import dev.paddock.contract.store.ArtifactStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a trial's model and records to {@code archive/<ns>/<study>/<code>/} (server-side where the
 * store can), writes its metadata.json (the trainer's, with Paddock's facts added), verifies every
 * copy against its source's SHA-256, writes the manifest, and only then the trial's index entry. An
 * archive interrupted half-way has no index entry and is redone; one with an entry is skipped.
 */
public final class Archiver {

  /** What is archived from a trial's prefix: its model and the records that describe it. */
  static final List<String> ARCHIVED = ArtifactLayout.MODEL_AND_RECORDS;

  /**
   * What stays behind when a trial's whole output directory is archived: its checkpoints and the
   * local runner's own records of the trial.
   */
  public static final List<String> NOT_OUTPUT =
      List.of(ArtifactLayout.CHECKPOINTS, "trial.json", "trainer.log", "termination-log");

  private static final String METADATA = ArtifactLayout.METADATA;

  private final ArtifactStore store;
  private final boolean wholeOutput;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public Archiver(ArtifactStore store) {
    this(store, false);
  }

  /**
   * @param wholeOutput archive everything the trainer wrote under its prefix (its output directory,
   *     for any training code: best_model.pt, plots, CSVs) rather than the DJL trainer's model/ and
   *     records
   */
  public Archiver(ArtifactStore store, boolean wholeOutput) {
    this.store = store;
    this.wholeOutput = wholeOutput;
  }

  /** True when the trial's archive is complete (its index entry exists). */
  public boolean isArchived(String namespace, String study, String code) {
    return store.get(ArchiveKeys.indexEntry(namespace, study, code)).isPresent();
  }

  /**
   * Archives the trial unless already archived; returns the archive's URI.
   *
   * @param facts what Paddock adds to the trainer's metadata (study, grade, code, objective...)
   */
  public String archive(
      String namespace, String study, ArchiveCandidate trial, Map<String, Object> facts) {
    String target = ArchiveKeys.archived(namespace, study, trial.code());
    if (isArchived(namespace, study, trial.code())) {
      return store.uri(target);
    }
    String source = ArchiveKeys.trial(namespace, study, trial.trial());
    List<String> keys = archivedKeys(trial, source);
    java.util.TreeMap<String, String> manifest = new java.util.TreeMap<>();
    for (String key : keys) {
      String relative = key.substring(source.length());
      if (!relative.equals(METADATA)) {
        String expected = sha256(store.get(key).orElseThrow());
        store.copy(key, target + relative);
        manifest.put(relative, verified(target + relative, expected));
      }
    }
    byte[] metadata = metadata(store.get(source + METADATA), facts);
    store.put(target + METADATA, metadata);
    manifest.put(METADATA, verified(target + METADATA, sha256(metadata)));
    StringBuilder lines = new StringBuilder();
    manifest.forEach((file, sum) -> lines.append(sum).append("  ").append(file).append('\n'));
    store.put(target + "checksums.sha256", lines.toString().getBytes(StandardCharsets.UTF_8));
    store.put(
        ArchiveKeys.indexEntry(namespace, study, trial.code()), write(indexEntry(trial, target)));
    return store.uri(target);
  }

  /** Reads a copy back and checks it against the source's checksum. */
  private List<String> archivedKeys(ArchiveCandidate trial, String source) {
    List<String> keys =
        store.list(source).stream()
            .filter(
                k -> {
                  String relative = k.substring(source.length());
                  return wholeOutput
                      ? NOT_OUTPUT.stream().noneMatch(relative::startsWith)
                      : ARCHIVED.stream().anyMatch(relative::startsWith);
                })
            .toList();
    if (wholeOutput && keys.isEmpty()) {
      throw new IllegalStateException(
          "trial " + trial.trial() + " wrote nothing in its output directory " + store.uri(source));
    }
    if (!wholeOutput && keys.stream().noneMatch(k -> k.startsWith(source + ArtifactLayout.MODEL))) {
      throw new IllegalStateException(
          "trial " + trial.trial() + " has no model under " + store.uri(source));
    }
    return keys;
  }

  private String verified(String key, String expected) {
    String actual = sha256(store.get(key).orElseThrow());
    if (!expected.equals(actual)) {
      throw new IllegalStateException("checksum mismatch after copying to " + key);
    }
    return expected;
  }

  /**
   * The archive's metadata.json: the trainer's own (hardware, versions, data fingerprint, rows...)
   * with Paddock's facts (study, grade, code, objective, GPU seconds, UIDs...) added on top, so one
   * file describes the model.
   */
  private byte[] metadata(java.util.Optional<byte[]> trainer, Map<String, Object> facts) {
    Map<String, Object> merged = new LinkedHashMap<>();
    if (trainer.isPresent()) {
      try {
        merged.putAll(
            json.readValue(
                trainer.get(),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {}));
      } catch (java.io.IOException e) {
        merged.put("trainerMetadata", "unreadable: " + e.getMessage());
      }
    }
    merged.putAll(facts);
    return write(merged);
  }

  /** Re-reads an archive and checks every file against its manifest. */
  public boolean verify(String namespace, String study, String code) {
    String prefix = ArchiveKeys.archived(namespace, study, code);
    String manifest =
        store
            .get(prefix + "checksums.sha256")
            .map(b -> new String(b, StandardCharsets.UTF_8))
            .orElse(null);
    if (manifest == null) {
      return false;
    }
    return manifest
        .lines()
        .allMatch(
            line -> {
              String[] parts = line.split("  ", 2);
              return store
                  .get(prefix + parts[1])
                  .map(Archiver::sha256)
                  .map(parts[0]::equals)
                  .orElse(false);
            });
  }

  private Map<String, Object> indexEntry(ArchiveCandidate trial, String target) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("code", trial.code());
    entry.put("trial", trial.trial());
    entry.put("grade", trial.grade().name());
    entry.put("objective", trial.objective());
    entry.put("parameters", trial.parameters());
    entry.put("uri", store.uri(target));
    return entry;
  }

  private byte[] write(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
