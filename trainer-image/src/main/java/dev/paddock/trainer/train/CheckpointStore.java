package dev.paddock.trainer.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paddock.contract.store.ArtifactLayout;
import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.trainer.util.Json;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints under {@code checkpoints/}. Each is written in full before {@code
 * checkpoints/latest.json} points at it, so a crash mid-write leaves the previous one usable.
 */
public final class CheckpointStore {

  /** A checkpoint with its arrays. */
  public record Loaded(Checkpoint state, byte[] weights, byte[] optimizer) {}

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);

  /** Checkpoints kept: the newest and the one before it. */
  static final int KEEP = 2;

  private final ArtifactStore store;

  public CheckpointStore(ArtifactStore store) {
    this.store = store;
  }

  static String dir(int epoch) {
    return ArtifactLayout.checkpoint(epoch);
  }

  public void save(Checkpoint state, byte[] weights, byte[] optimizer) {
    String dir = dir(state.epoch());
    store.put(dir + "weights.params", weights);
    store.put(dir + "optimizer.params", optimizer);
    store.put(dir + "state.json", Json.writePretty(state));
    store.put(
        ArtifactLayout.LATEST_CHECKPOINT,
        Json.writePretty(Map.of("epoch", state.epoch(), "dir", dir)));
    LOG.info("checkpoint of epoch {} saved to {}", state.epoch(), store.uri(dir));
    prune(dir);
  }

  /** Keeps the newest {@link #KEEP} checkpoints; older ones are deleted (best effort). */
  private void prune(String newest) {
    java.util.TreeSet<String> dirs = new java.util.TreeSet<>();
    for (String key : store.list(ArtifactLayout.CHECKPOINTS)) {
      int slash = key.indexOf('/', ArtifactLayout.CHECKPOINTS.length());
      if (slash > 0) {
        dirs.add(key.substring(0, slash + 1));
      }
    }
    dirs.remove(newest);
    while (dirs.size() >= KEEP) {
      String old = dirs.pollFirst();
      try {
        for (String key : store.list(old)) {
          store.delete(key);
        }
      } catch (RuntimeException e) {
        LOG.warn("cannot delete old checkpoint {}: {}", store.uri(old), e.toString());
      }
    }
  }

  /** The latest checkpoint with this fingerprint, if any. */
  public Optional<Loaded> latest(String fingerprint) {
    Optional<byte[]> pointer = store.get(ArtifactLayout.LATEST_CHECKPOINT);
    if (pointer.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode p = Json.MAPPER.readTree(pointer.get());
      String dir = p.path("dir").asText();
      Checkpoint state =
          Json.MAPPER.readValue(store.get(dir + "state.json").orElseThrow(), Checkpoint.class);
      if (!fingerprint.equals(state.fingerprint())) {
        LOG.warn(
            "checkpoint at {} belongs to another configuration: starting fresh", store.uri(dir));
        return Optional.empty();
      }
      byte[] weights = store.get(dir + "weights.params").orElseThrow();
      byte[] optimizer = store.get(dir + "optimizer.params").orElseThrow();
      return Optional.of(new Loaded(state, weights, optimizer));
    } catch (IOException | java.util.NoSuchElementException e) {
      LOG.warn(
          "checkpoint at {} is unreadable ({}): starting fresh",
          store.uri(ArtifactLayout.LATEST_CHECKPOINT),
          e.toString());
      return Optional.empty();
    }
  }
}
