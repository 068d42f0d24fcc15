package dev.paddock.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paddock.contract.store.S3Settings;
import dev.paddock.trainer.TestRuns;
import dev.paddock.trainer.config.Hyperparams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetBuilderTest {

  @TempDir Path dir;

  private Path csv(String text) throws Exception {
    Path p = dir.resolve("data.csv");
    Files.writeString(p, text);
    return p;
  }

  private static DataOptions opts(
      String source, List<String> categorical, String split, String time, List<String> holdouts) {
    return new DataOptions(
        source, "y", List.of(), categorical, "onehot", "auto", split, time, holdouts, 64, 64, null);
  }

  @Test
  void parsesNumericAndCategoricalColumnsAndStandardizesOnTrainingRowsOnly() throws Exception {
    StringBuilder sb = new StringBuilder("a,colour,name,y\n");
    for (int i = 0; i < 200; i++) {
      sb.append(i)
          .append(',')
          .append(i % 3 == 0 ? "red" : "blue")
          .append(",n")
          .append(i)
          .append(',')
          .append(i % 2)
          .append('\n');
    }
    Path p = csv(sb.toString());
    Hyperparams hp = TestRuns.hp(Map.of("val_fraction", "0.25"));
    try (Dataset d =
        new DatasetBuilder(opts(p.toString(), List.of("colour"), "random", null, List.of()), hp)
            .build(Sources.open(p.toString(), S3Settings.fromEnv(Map.of())))) {
      assertThat(d.label().task()).isEqualTo(LabelSpec.BINARY);
      assertThat(d.label().classes()).containsExactly("0", "1");
      // 'name' is text and not declared categorical: not a feature
      assertThat(d.features().columns())
          .extracting(FeatureColumn::name)
          .containsExactly("a", "colour");
      assertThat(d.features().width()).isEqualTo(3);
      assertThat(d.features().columns().get(1).vocab()).containsExactly("blue", "red");
      assertThat(d.train().length + d.validation().length).isEqualTo(200);
      double sum = 0;
      float[] row = new float[3];
      for (int i : d.train()) {
        d.x().getRow(i, row);
        sum += row[0];
        assertThat(row[1] + row[2]).isEqualTo(1f);
      }
      assertThat(sum / d.train().length).isCloseTo(0, within(1e-4));
      float[] first = new float[3];
      d.x().getRow(0, first);
      assertThat(first[0])
          .isCloseTo((0 - d.features().mean()[0]) / d.features().std()[0], within(1e-5f));
    }
  }

  @Test
  void syntheticDatasetsAreDeterministic() {
    Hyperparams hp = TestRuns.hp(Map.of());
    String uri = "synthetic:friedman1?rows=50&seed=9";
    DataOptions o = TestRuns.data(uri, "y");
    try (Dataset a = new DatasetBuilder(o, hp).build(new SyntheticSource(uri));
        Dataset b = new DatasetBuilder(o, hp).build(new SyntheticSource(uri))) {
      assertThat(a.label().task()).isEqualTo(LabelSpec.REGRESSION);
      assertThat(a.y()).containsExactly(b.y());
      assertThat(a.train()).containsExactly(b.train());
    }
  }

  @Test
  void timeSplitValidatesOnTheLatestRowsAndHoldsOutNamedYears() {
    Hyperparams hp = TestRuns.hp(Map.of("val_fraction", "0.2", "half_life_days", "365"));
    String uri = "synthetic:races?rows=3000&seed=2";
    DataOptions o =
        new DataOptions(
            uri,
            "won",
            List.of(),
            List.of("track"),
            "onehot",
            "binary",
            "time",
            "race_date",
            List.of("2015", "2020"),
            64,
            64,
            null);
    try (Dataset d = new DatasetBuilder(o, hp).build(new SyntheticSource(uri))) {
      assertThat(d.holdouts()).extracting(h -> h.period().name()).containsExactly("2015", "2020");
      assertThat(d.holdouts().get(0).rows().length).isBetween(150, 250);
      int lastTrain = java.util.Arrays.stream(d.train()).max().orElseThrow();
      int firstVal = java.util.Arrays.stream(d.validation()).min().orElseThrow();
      // rows are in date order: validation comes after training
      assertThat(firstVal).isGreaterThan(lastTrain);
      assertThat(d.weights()).isNotNull();
      assertThat(d.weights()[d.train()[0]]).isLessThan(d.weights()[lastTrain]);
      assertThat(d.weights()[lastTrain]).isCloseTo(1f, within(1e-3f));
    }
  }

  @Test
  void balancedClassWeightsEqualiseClassTotals() {
    Hyperparams hp = TestRuns.hp(Map.of("class_weight", "balanced"));
    String uri = "synthetic:races?rows=2000&seed=4";
    DataOptions o = TestRuns.data(uri, "won");
    try (Dataset d = new DatasetBuilder(o, hp).build(new SyntheticSource(uri))) {
      double[] total = new double[2];
      for (int i : d.train()) {
        total[(int) d.y()[i]] += d.weights()[i];
      }
      assertThat(total[0]).isCloseTo(total[1], within(1e-2 * total[0]));
    }
  }

  @Test
  void indexEncodingAndExplicitClassWeights() {
    Hyperparams hp = TestRuns.hp(Map.of("class_weight", "0:1,1:5"));
    String uri = "synthetic:races?rows=500&seed=4";
    DataOptions o =
        new DataOptions(
            uri,
            "won",
            List.of("track", "odds"),
            List.of("track"),
            "index",
            "binary",
            "random",
            null,
            List.of(),
            64,
            64,
            null);
    try (Dataset d = new DatasetBuilder(o, hp).build(new SyntheticSource(uri))) {
      assertThat(d.features().columns().get(0).kind()).isEqualTo(FeatureColumn.INDEX);
      assertThat(d.features().width()).isEqualTo(2);
      for (int i = 0; i < 50; i++) {
        assertThat(d.weights()[i]).isEqualTo(d.y()[i] == 1f ? 5f : 1f);
      }
    }
  }

  @Test
  void largeDataSpillsToAMappedFileWithTheSameContent() {
    Hyperparams hp = TestRuns.hp(Map.of());
    String uri = "synthetic:moons?rows=3000&seed=5";
    DataOptions heap = TestRuns.data(uri, "label");
    DataOptions mapped =
        new DataOptions(
            uri, "label", List.of(), List.of(), "onehot", "auto", "random", null, List.of(), 0, 64,
            dir);
    try (Dataset a = new DatasetBuilder(heap, hp).build(new SyntheticSource(uri));
        Dataset b = new DatasetBuilder(mapped, hp).build(new SyntheticSource(uri))) {
      assertThat(a.x()).isInstanceOf(HeapMatrix.class);
      assertThat(b.x()).isInstanceOf(MappedMatrix.class);
      float[] ra = new float[2];
      float[] rb = new float[2];
      for (int i = 0; i < 3000; i += 97) {
        a.x().getRow(i, ra);
        b.x().getRow(i, rb);
        assertThat(rb).containsExactly(ra);
      }
    }
  }
}
