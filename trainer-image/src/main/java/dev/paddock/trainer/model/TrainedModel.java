package dev.paddock.trainer.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.trainer.util.Json;
import dev.paddock.trainer.util.TrainerException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** A block with its card: saved to and loaded from {@code <prefix>model/}. */
public record TrainedModel(ModelCard card, SequentialBlock block) {

  /** The block's parameters in DJL's format. */
  public static byte[] weights(SequentialBlock block) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        block.saveParameters(out);
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialize weights", e);
    }
  }

  /** Replaces the block's parameters with saved ones. */
  public static void loadWeights(SequentialBlock block, NDManager manager, byte[] weights) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
      block.loadParameters(manager, in);
    } catch (IOException | MalformedModelException e) {
      throw TrainerException.user("model weights are not readable: " + e.getMessage(), e);
    }
  }

  /** Writes {@code model/model.json} and {@code model/weights.params} under {@code dir}. */
  public void save(ArtifactStore store, String dir) {
    store.put(dir + ModelCard.WEIGHTS_FILE, weights(block));
    store.put(dir + ModelCard.CARD_FILE, Json.writePretty(card));
  }

  /** Loads a model from {@code dir} ({@code ""} or {@code "model/"}) of a store. */
  public static TrainedModel load(ArtifactStore store, String dir, NDManager manager) {
    byte[] cardBytes =
        store
            .get(dir + ModelCard.CARD_FILE)
            .orElseThrow(
                () -> TrainerException.user("no model at " + store.uri(dir + ModelCard.CARD_FILE)));
    ModelCard card;
    try {
      card = Json.MAPPER.readValue(cardBytes, ModelCard.class);
    } catch (IOException e) {
      throw TrainerException.user(store.uri(dir + ModelCard.CARD_FILE) + " is not a model card", e);
    }
    if (card.format() != ModelCard.FORMAT) {
      throw TrainerException.user("unsupported model format " + card.format());
    }
    byte[] weights =
        store
            .get(dir + ModelCard.WEIGHTS_FILE)
            .orElseThrow(
                () ->
                    TrainerException.user(
                        "no weights at " + store.uri(dir + ModelCard.WEIGHTS_FILE)));
    SequentialBlock block = MlpFactory.build(card.mlp(), manager);
    loadWeights(block, manager, weights);
    return new TrainedModel(card, block);
  }
}
