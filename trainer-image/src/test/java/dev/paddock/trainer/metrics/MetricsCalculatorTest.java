package dev.paddock.trainer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paddock.trainer.data.LabelSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsCalculatorTest {

  @Test
  void aucCountsTiesAsHalf() {
    assertThat(Auc.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}))
        .isEqualTo(0.75);
    assertThat(Auc.of(new double[] {1, 2, 3}, new boolean[] {false, true, true})).isEqualTo(1.0);
    assertThat(Auc.of(new double[] {0.5, 0.5}, new boolean[] {false, true})).isEqualTo(0.5);
    assertThat(Auc.of(new double[] {0.5, 0.7}, new boolean[] {true, true})).isNaN();
  }

  @Test
  void binaryMetricsFromLogits() {
    LabelSpec label = new LabelSpec("y", LabelSpec.BINARY, List.of("0", "1"), 0, 1);
    // logits: predicted positive for rows 1, 2; truth positive for rows 2, 3
    Predictions p =
        new Predictions(new float[] {-2f, 1f, 3f, -0.5f}, 1, new float[] {0, 0, 1, 1}, null);
    Map<String, Double> m = new MetricsCalculator(label, 1f).compute(p, "val_");
    assertThat(m.get("val_accuracy")).isEqualTo(0.5);
    assertThat(m.get("val_precision")).isEqualTo(0.5);
    assertThat(m.get("val_recall")).isEqualTo(0.5);
    assertThat(m.get("val_f1")).isEqualTo(0.5);
    assertThat(m.get("val_auc")).isEqualTo(0.75);
    double expectedLogloss =
        (Math.log1p(Math.exp(-2))
                + Math.log1p(Math.exp(1))
                + Math.log1p(Math.exp(-3))
                + Math.log1p(Math.exp(0.5)))
            / 4;
    assertThat(m.get("val_logloss")).isCloseTo(expectedLogloss, within(1e-9));
  }

  @Test
  void regressionMetricsAreInLabelUnits() {
    LabelSpec label = new LabelSpec("y", LabelSpec.REGRESSION, List.of(), 10, 2);
    Predictions p = new Predictions(new float[] {0f, 1f}, 1, new float[] {0f, 0f}, null);
    Map<String, Double> m = new MetricsCalculator(label, 1f).compute(p, "val_");
    assertThat(m.get("val_mae")).isEqualTo(1.0);
    assertThat(m.get("val_rmse")).isCloseTo(Math.sqrt(2), within(1e-9));
    assertThat(m.get("val_loss")).isEqualTo(0.5);
  }

  @Test
  void multiclassMacroMetricsAndProbabilityStats() {
    LabelSpec label = new LabelSpec("y", LabelSpec.MULTICLASS, List.of("a", "b", "c"), 0, 1);
    float[] logits = {5, 0, 0, 0, 5, 0, 0, 0, 5, 5, 0, 0};
    Predictions p = new Predictions(logits, 3, new float[] {0, 1, 2, 2}, null);
    Map<String, Double> m = new MetricsCalculator(label, 1f).compute(p, "");
    assertThat(m.get("accuracy")).isEqualTo(0.75);
    assertThat(m.get("recall")).isCloseTo((1 + 1 + 0.5) / 3, within(1e-9));
    var stats = ProbabilityStats.compute(p, label);
    assertThat(stats).hasSize(3);
    assertThat((double) stats.get(0).get("separation")).isPositive();
  }
}
