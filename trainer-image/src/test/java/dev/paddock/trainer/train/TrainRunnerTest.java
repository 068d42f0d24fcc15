package dev.paddock.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paddock.contract.TerminationMessage;
import dev.paddock.trainer.TestRuns;
import dev.paddock.trainer.config.TrainConfig;
import dev.paddock.trainer.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainRunnerTest {

  @TempDir Path dir;

  @Test
  void trainsAndWritesTheArtifactLayout() throws Exception {
    Path art = dir.resolve("trial");
    TerminationMessage s =
        new TrainRunner(TestRuns.moons(art, Map.of("epochs", "4", "lr", "0.01"))).run();
    assertThat(s.status()).isEqualTo(TerminationMessage.COMPLETED);
    assertThat(s.epoch()).isEqualTo(4);
    assertThat(s.metrics().get("val_auc")).isGreaterThan(0.85);
    assertThat(art.resolve("model/model.json")).exists();
    assertThat(art.resolve("model/weights.params")).exists();
    List<String> csv = Files.readAllLines(art.resolve("epoch_metrics.csv"));
    assertThat(csv).hasSize(5);
    assertThat(csv.get(0))
        .startsWith(
            "epoch,train_loss,val_loss,val_accuracy,val_precision,val_recall,val_f1,val_auc,val_logloss,lr,grad_norm,epoch_seconds,samples_per_sec");
    assertThat(csv.get(4)).startsWith("4,");
    assertThat(Files.readAllLines(art.resolve("probability_stats.csv")).get(0))
        .isEqualTo("epoch,class,in_class_mean,out_class_mean,separation");
    JsonNode meta = Json.MAPPER.readTree(art.resolve("metadata.json").toFile());
    assertThat(meta.path("status").asText()).isEqualTo("completed");
    assertThat(meta.path("hardware").path("mode").asText()).isEqualTo("cpu");
    assertThat(meta.path("hardware").path("cpu_cores").asInt()).isPositive();
    assertThat(
            meta.path("rows").path("train").asInt() + meta.path("rows").path("validation").asInt())
        .isEqualTo(600);
    JsonNode hp = Json.MAPPER.readTree(art.resolve("hyperparams.json").toFile());
    assertThat(hp.path("hidden").asText()).isEqualTo("16,8");
    assertThat(hp.path("lr").asText()).isEqualTo("0.01");
  }

  @Test
  void sameSeedGivesIdenticalWeightsAndMetrics() throws Exception {
    Map<String, String> p = Map.of("dropout", "0.2", "seed", "7");
    new TrainRunner(TestRuns.moons(dir.resolve("a"), p)).run();
    new TrainRunner(TestRuns.moons(dir.resolve("b"), p)).run();
    new TrainRunner(TestRuns.moons(dir.resolve("c"), Map.of("dropout", "0.2", "seed", "8"))).run();
    var a = weights(dir.resolve("a"));
    assertThat(weights(dir.resolve("b"))).isEqualTo(a);
    assertThat(weights(dir.resolve("c"))).isNotEqualTo(a);
    assertThat(metricColumns(dir.resolve("b"))).isEqualTo(metricColumns(dir.resolve("a")));
  }

  /** Every parameter's values, by parameter name. */
  static Map<String, List<Float>> weights(Path art) {
    Map<String, List<Float>> out = new java.util.TreeMap<>();
    try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
      var model =
          dev.paddock.trainer.model.TrainedModel.load(
              new dev.paddock.contract.store.DirectoryStore(art), "model/", m);
      model
          .block()
          .getParameters()
          .forEach(
              p -> {
                List<Float> values = new java.util.ArrayList<>();
                for (float f : p.getValue().getArray().toFloatArray()) {
                  values.add(f);
                }
                out.put(p.getKey(), values);
              });
    }
    return out;
  }

  /** The CSV without its timing columns. */
  static List<String> metricColumns(Path art) throws Exception {
    return Files.readAllLines(art.resolve("epoch_metrics.csv")).stream()
        .map(l -> String.join(",", List.of(l.split(",")).subList(0, 11)))
        .toList();
  }

  @Test
  void resumedRunEndsWithTheSameWeightsAsAnUninterruptedOne() throws Exception {
    Map<String, String> p =
        Map.of("epochs", "5", "dropout", "0.1", "batch_norm", "true", "lr_schedule", "cosine");
    TrainConfig whole =
        TestRuns.config(
            TestRuns.data("synthetic:moons?rows=600&seed=3", "label"),
            TestRuns.hp(p),
            dir.resolve("whole"),
            null,
            2);
    new TrainRunner(whole).run();

    TrainConfig crashed =
        TestRuns.config(
            TestRuns.data("synthetic:moons?rows=600&seed=3", "label"),
            TestRuns.hp(p),
            dir.resolve("resumed"),
            null,
            2);
    try {
      new TrainRunner(
              crashed,
              e -> {
                if (e == 3) {
                  throw new IllegalStateException("killed");
                }
              })
          .run();
    } catch (IllegalStateException expected) {
      // the pod died after epoch 3; the last checkpoint is epoch 2
    }
    assertThat(dir.resolve("resumed/checkpoints/epoch-000002/weights.params")).exists();
    // the uninterrupted run checkpointed at 2 and 4 and keeps both
    assertThat(dir.resolve("whole/checkpoints/epoch-000004/state.json")).exists();
    assertThat(dir.resolve("resumed/model")).doesNotExist();
    TerminationMessage s = new TrainRunner(crashed).run();
    assertThat(s.epoch()).isEqualTo(5);
    assertThat(metricColumns(dir.resolve("resumed")))
        .isEqualTo(metricColumns(dir.resolve("whole")));
    assertThat(weights(dir.resolve("resumed"))).isEqualTo(weights(dir.resolve("whole")));
    assertThat(metricColumns(dir.resolve("resumed")))
        .isEqualTo(metricColumns(dir.resolve("whole")));
    JsonNode meta = Json.MAPPER.readTree(dir.resolve("resumed/metadata.json").toFile());
    assertThat(meta.path("resumed_from_epoch").asInt()).isEqualTo(2);
  }

  @Test
  void onlyTheNewestTwoCheckpointsAreKept() {
    TrainConfig cfg =
        TestRuns.config(
            TestRuns.data("synthetic:moons?rows=300", "label"),
            TestRuns.hp(Map.of("epochs", "5")),
            dir.resolve("prune"),
            null,
            1);
    new TrainRunner(cfg).run();
    assertThat(dir.resolve("prune/checkpoints/epoch-000001")).doesNotExist();
    assertThat(dir.resolve("prune/checkpoints/epoch-000002/weights.params")).doesNotExist();
    assertThat(dir.resolve("prune/checkpoints/epoch-000003/weights.params")).exists();
    assertThat(dir.resolve("prune/checkpoints/epoch-000004/weights.params")).exists();
  }

  @Test
  void regressionAndMulticlassWithEachOptimizer() {
    TerminationMessage reg =
        new TrainRunner(
                TestRuns.config(
                    TestRuns.data("synthetic:friedman1?rows=500", "y"),
                    TestRuns.hp(
                        Map.of("optimizer", "sgd", "lr", "0.05", "grad_clip", "1", "epochs", "8")),
                    dir.resolve("reg"),
                    null,
                    0))
            .run();
    assertThat(reg.metrics()).containsKeys("val_rmse", "val_mae", "val_r2");
    assertThat(reg.metrics().get("val_r2")).isGreaterThan(0.5);
    TerminationMessage multi =
        new TrainRunner(
                TestRuns.config(
                    TestRuns.data("synthetic:blobs?rows=500&classes=4", "label"),
                    TestRuns.hp(
                        Map.of(
                            "optimizer",
                            "adamw",
                            "weight_decay",
                            "0.01",
                            "lr",
                            "0.01",
                            "lr_schedule",
                            "step",
                            "lr_step_epochs",
                            "2",
                            "activation",
                            "tanh")),
                    dir.resolve("multi"),
                    null,
                    0))
            .run();
    assertThat(multi.metrics().get("val_accuracy")).isGreaterThan(0.6);
    assertThat(multi.metrics()).containsKeys("val_f1", "val_auc", "val_logloss");
  }

  @Test
  void holdoutPeriodsAreReportedAsBacktests() throws Exception {
    TrainConfig cfg =
        TestRuns.config(
            new dev.paddock.trainer.data.DataOptions(
                "synthetic:races?rows=2000",
                "won",
                List.of(),
                List.of("track"),
                "onehot",
                "binary",
                "time",
                "race_date",
                List.of("2015", "2023"),
                64,
                64,
                null),
            TestRuns.hp(Map.of("pos_weight", "2", "half_life_days", "1000")),
            dir.resolve("bt"),
            null,
            0);
    TerminationMessage s = new TrainRunner(cfg).run();
    assertThat(s.metrics()).containsKeys("bt_2015_auc", "bt_2023_auc", "bt_2015_f1");
    JsonNode meta = Json.MAPPER.readTree(dir.resolve("bt/metadata.json").toFile());
    assertThat(meta.path("backtests").has("bt_2023_loss")).isTrue();
    assertThat(meta.path("rows").path("holdout_2015").asInt()).isPositive();
  }
}
