package dev.paddock.operator.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.operator.grading.Grade;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a study's archive index: one entry per archived trial. */
public final class ArchiveIndex {

  /** An archived model. */
  public record Entry(
      String code,
      String trial,
      Grade grade,
      double objective,
      Map<String, String> parameters,
      String uri) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private ArchiveIndex() {}

  public static List<Entry> read(ArtifactStore store, String namespace, String study) {
    List<Entry> entries = new ArrayList<>();
    for (String key : store.list(ArchiveKeys.index(namespace, study))) {
      try {
        JsonNode node = JSON.readTree(store.get(key).orElseThrow());
        Map<String, String> parameters =
            JSON.convertValue(
                node.path("parameters"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
        entries.add(
            new Entry(
                node.path("code").asText(),
                node.path("trial").asText(),
                Grade.valueOf(node.path("grade").asText()),
                node.path("objective").asDouble(),
                parameters,
                node.path("uri").asText()));
      } catch (IOException e) {
        throw new UncheckedIOException("unreadable archive index entry " + key, e);
      }
    }
    return entries;
  }
}
