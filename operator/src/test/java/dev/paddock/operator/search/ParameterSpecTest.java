package dev.paddock.operator.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterSpecTest {

  @Test
  void floatCanonicalChecksRangeAndStep() {
    FloatParameter lr = FloatParameter.logScale("lr", 1e-5, 1e-2);
    assertThat(lr.canonical("3.1E-4")).isEqualTo("0.00031");
    assertThatThrownBy(() -> lr.canonical("0.5")).hasMessageContaining("outside");
    FloatParameter dropout = FloatParameter.stepped("dropout", 0.0, 0.5, 0.1);
    assertThat(dropout.gridSize()).isEqualTo(6);
    assertThat(dropout.gridValue(3)).isEqualTo("0.3");
    assertThat(dropout.canonical("0.30000000000000004")).isEqualTo("0.3");
    assertThatThrownBy(() -> dropout.canonical("0.25")).hasMessageContaining("step");
  }

  @Test
  void invalidDeclarationsAreRefusedWithTheirName() {
    assertThatThrownBy(() -> FloatParameter.logScale("lr", 0, 1)).hasMessageContaining("lr");
    assertThatThrownBy(() -> new FloatParameter("x", 0, 1, true, 0.1)).hasMessageContaining("log");
    assertThatThrownBy(() -> IntParameter.range("n", 5, 1)).hasMessageContaining("min <= max");
    assertThatThrownBy(() -> CategoricalParameter.of("c", "a", "a"))
        .hasMessageContaining("distinct");
    assertThatThrownBy(() -> IntParameter.range("bad name", 1, 2)).hasMessageContaining("name");
  }

  @Test
  void intWithStepEnumeratesFromMin() {
    IntParameter batch = IntParameter.stepped("batch_size", 32, 1024, 32);
    assertThat(batch.gridSize()).isEqualTo(32);
    assertThat(batch.gridValue(31)).isEqualTo("1024");
    assertThatThrownBy(() -> batch.canonical("100")).hasMessageContaining("step");
    assertThat(batch.canonical("256")).isEqualTo("256");
  }

  @Test
  void samplesStayInsideAndCoverTheSpace() {
    TrialRandom random = TrialRandom.seeded(7);
    IntParameter logInt = IntParameter.logScale("units", 1, 1000);
    FloatParameter logFloat = FloatParameter.logScale("lr", 1e-5, 1e-1);
    CategoricalParameter arch = CategoricalParameter.of("hidden", "64", "128,64", "256,128,64");
    Set<String> archSeen = new HashSet<>();
    int lrBelowGeometricMean = 0;
    for (int i = 0; i < 400; i++) {
      long u = Long.parseLong(logInt.sample(random));
      assertThat(u).isBetween(1L, 1000L);
      double lr = Double.parseDouble(logFloat.sample(random));
      assertThat(lr).isBetween(1e-5, 1e-1);
      lrBelowGeometricMean += lr < 1e-3 ? 1 : 0;
      archSeen.add(arch.sample(random));
    }
    assertThat(archSeen).hasSize(3);
    // log-uniform: half the draws fall below the geometric mean of the bounds
    assertThat(lrBelowGeometricMean).isBetween(160, 240);
  }

  @Test
  void modelAxisRoundTripsForDiscreteParameters() {
    IntParameter batch = IntParameter.stepped("b", 32, 256, 32);
    assertThat(batch.fromModel(batch.modelLow())).isEqualTo("32");
    assertThat(batch.fromModel(batch.modelHigh() - 1e-9)).isEqualTo("256");
    assertThat(batch.fromModel(batch.toModel("128"))).isEqualTo("128");
    IntParameter logInt = IntParameter.logScale("u", 1, 100);
    assertThat(logInt.fromModel(logInt.toModel("37"))).isEqualTo("37");
  }

  @Test
  void rangesAtTheCrdsBoundsSample() {
    // The CRD bounds int ranges to 2^53 and float ranges to 1e18 in magnitude: beyond, max - min
    // overflowed a long (an int grid of negative size) or a float grid had more than 2^63 points.
    long exact = 9_007_199_254_740_992L;
    IntParameter widest = IntParameter.range("i", -exact, exact);
    FloatParameter finest = FloatParameter.stepped("f", -1e18, 1e18, 2e3);
    TrialRandom random = TrialRandom.seeded(7);

    assertThat(widest.gridSize()).isEqualTo(2 * exact + 1);
    assertThat(finest.gridSize()).isEqualTo(1_000_000_000_000_001L);
    for (int i = 0; i < 100; i++) {
      assertThat(Long.parseLong(widest.sample(random))).isBetween(-exact, exact);
      assertThat(Double.parseDouble(finest.sample(random))).isBetween(-1e18, 1e18);
      assertThat(Double.parseDouble(FloatParameter.linear("g", -1e18, 1e18).sample(random)))
          .isBetween(-1e18, 1e18);
    }
  }
}
