package dev.paddock.contract.store;

import java.util.List;

/**
 * The keys of the artifact layout (DESIGN.md, "The trainer contract"), the same in a bucket and in
 * a directory: what a trainer writes under its trial's prefix, what the operator archives from it,
 * and where the prefixes of trials and archives are under the store's root.
 */
public final class ArtifactLayout {

  /** The trained model (the DJL trainer's model card and weights). */
  public static final String MODEL = "model/";

  public static final String METADATA = "metadata.json";
  public static final String HYPERPARAMS = "hyperparams.json";
  public static final String EPOCH_METRICS = "epoch_metrics.csv";
  public static final String PROBABILITY_STATS = "probability_stats.csv";

  /** Checkpoints; a retried or resumed trial restores from them. */
  public static final String CHECKPOINTS = "checkpoints/";

  /** The pointer to the last complete checkpoint, written after the checkpoint itself. */
  public static final String LATEST_CHECKPOINT = CHECKPOINTS + "latest.json";

  /** A trial's model and the records that describe it: what its archive holds. */
  public static final List<String> MODEL_AND_RECORDS =
      List.of(MODEL, METADATA, HYPERPARAMS, EPOCH_METRICS, PROBABILITY_STATS);

  private ArtifactLayout() {}

  /** The checkpoint of an epoch: {@code checkpoints/epoch-000012/}. */
  public static String checkpoint(int epoch) {
    return String.format("%sepoch-%06d/", CHECKPOINTS, epoch);
  }

  /** A trial's prefix: {@code studies/<ns>/<study>/trials/<trial>/}. */
  public static String trial(String namespace, String study, String trial) {
    return "studies/" + namespace + "/" + study + "/trials/" + trial + "/";
  }

  /** An archived trial's prefix: {@code archive/<ns>/<study>/<code>/}. */
  public static String archived(String namespace, String study, String code) {
    return "archive/" + namespace + "/" + study + "/" + code + "/";
  }
}
