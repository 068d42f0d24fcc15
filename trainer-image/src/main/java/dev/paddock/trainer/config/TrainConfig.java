package dev.paddock.trainer.config;

import dev.paddock.contract.store.S3Settings;
import dev.paddock.trainer.data.DataOptions;
import java.nio.file.Path;

/**
 * Everything a training run needs, resolved from flags and the trial contract's environment.
 *
 * @param hp hyperparameters
 * @param data data options
 * @param artifacts the trial's artifact prefix ({@code s3://...} or {@code file://...})
 * @param trial the trial, {@code namespace/name}
 * @param reportUrl where to report epochs, or null
 * @param reportToken the bearer token for reports
 * @param checkpointEvery epochs between checkpoints (0: never)
 * @param terminationLog where the summary goes
 * @param s3 store endpoint and credentials
 */
public record TrainConfig(
    Hyperparams hp,
    DataOptions data,
    String artifacts,
    String trial,
    String reportUrl,
    String reportToken,
    int checkpointEvery,
    Path terminationLog,
    S3Settings s3) {

  /** A hash of what determines the run's result (epochs excluded, so a longer run can resume). */
  public String fingerprint() {
    java.util.Map<String, String> h = new java.util.TreeMap<>(hp.asMap());
    h.remove("epochs");
    String text =
        h
            + "|"
            + data.source()
            + "|"
            + data.label()
            + "|"
            + data.features()
            + "|"
            + data.categorical()
            + "|"
            + data.categoricalEncoding()
            + "|"
            + data.task()
            + "|"
            + data.split()
            + "|"
            + data.timeColumn()
            + "|"
            + data.holdouts();
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
