package dev.paddock.operator.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paddock.operator.grading.Grade;
import dev.paddock.operator.rollout.Slot;
import dev.paddock.operator.rollout.Slots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A local "deployment": {@code deployments/<name>/slots.json} with the primary and backup models
 * and a bounded history of promotions and refusals, as a ModelDeployment's status holds.
 */
public final class LocalDeployments {

  static final int MAX_HISTORY = 20;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;

  public LocalDeployments(Path deploymentsDir) {
    this.dir = deploymentsDir;
  }

  public Path file(String deployment) {
    return dir.resolve(deployment).resolve("slots.json");
  }

  public Slots read(String deployment) {
    Path file = file(deployment);
    if (!Files.exists(file)) {
      return Slots.EMPTY;
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      return new Slots(slot(root.get("primary")), slot(root.get("backup")));
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable " + file, e);
    }
  }

  /** Writes the slots and appends the event to the history (newest first, bounded). */
  public void write(
      String deployment, Slots slots, String action, String code, String reason, Instant now) {
    Path file = file(deployment);
    try {
      ArrayNode history = JSON.createArrayNode();
      if (Files.exists(file)) {
        JsonNode old = JSON.readTree(file.toFile()).path("history");
        old.forEach(history::add);
      }
      ObjectNode event = JSON.createObjectNode();
      event
          .put("action", action)
          .put("code", code)
          .put("reason", reason)
          .put("time", now.toString());
      history.insert(0, event);
      while (history.size() > MAX_HISTORY) {
        history.remove(history.size() - 1);
      }
      ObjectNode root = JSON.createObjectNode();
      root.set("primary", node(slots.primary()));
      root.set("backup", node(slots.backup()));
      root.set("history", history);
      Files.createDirectories(file.getParent());
      JSON.writeValue(file.toFile(), root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static ObjectNode node(Slot slot) {
    if (slot == null) {
      return null;
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("code", slot.code()).put("trial", slot.trial()).put("grade", slot.grade().name());
    node.put("objective", slot.objective())
        .put("uri", slot.uri())
        .put("since", slot.since().toString());
    return node;
  }

  private static Slot slot(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return new Slot(
        node.path("code").asText(),
        node.path("trial").asText(),
        Grade.valueOf(node.path("grade").asText()),
        node.path("objective").asDouble(),
        node.path("uri").asText(),
        Instant.parse(node.path("since").asText()));
  }
}
