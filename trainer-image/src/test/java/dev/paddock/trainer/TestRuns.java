package dev.paddock.trainer;

import dev.paddock.contract.store.S3Settings;
import dev.paddock.trainer.config.Hyperparams;
import dev.paddock.trainer.config.TrainConfig;
import dev.paddock.trainer.data.DataOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Small configurations for tests: tiny data, few epochs. */
public final class TestRuns {

  private TestRuns() {}

  public static DataOptions data(String source, String label) {
    return new DataOptions(
        source, label, List.of(), List.of(), "onehot", "auto", "random", null, List.of(), 64, 64,
        null);
  }

  public static Hyperparams hp(Map<String, String> params) {
    Map<String, String> base =
        new java.util.LinkedHashMap<>(Map.of("hidden", "16,8", "batch_size", "64", "epochs", "3"));
    base.putAll(params);
    return Hyperparams.resolve(base);
  }

  public static TrainConfig config(
      DataOptions data, Hyperparams hp, Path artifacts, String reportUrl, int checkpointEvery) {
    return new TrainConfig(
        hp,
        data,
        artifacts.toUri().toString(),
        "test/trial-1",
        reportUrl,
        "secret-token",
        checkpointEvery,
        artifacts.resolve("termination-log"),
        S3Settings.fromEnv(Map.of()));
  }

  public static TrainConfig moons(Path artifacts, Map<String, String> params) {
    return config(data("synthetic:moons?rows=600&seed=3", "label"), hp(params), artifacts, null, 0);
  }
}
