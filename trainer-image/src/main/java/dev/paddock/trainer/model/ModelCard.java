package dev.paddock.trainer.model;

import dev.paddock.trainer.data.FeatureSpec;
import dev.paddock.trainer.data.LabelSpec;

/**
 * Everything besides the weights that serving needs: {@code model/model.json}.
 *
 * @param format the model format version
 * @param mlp the architecture
 * @param features input encoding and standardization
 * @param label the label, task and classes
 */
public record ModelCard(int format, MlpSpec mlp, FeatureSpec features, LabelSpec label) {

  public static final int FORMAT = 1;
  public static final String CARD_FILE = "model.json";
  public static final String WEIGHTS_FILE = "weights.params";
}
