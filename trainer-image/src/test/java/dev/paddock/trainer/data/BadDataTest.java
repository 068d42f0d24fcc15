package dev.paddock.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paddock.contract.store.S3Settings;
import dev.paddock.trainer.TestRuns;
import dev.paddock.trainer.util.TrainerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad-data case ends in a one-line, non-retryable error naming the column, row or URI. */
class BadDataTest {

  @TempDir Path dir;

  private TrainerException fail(String csv, String label, List<String> features) throws Exception {
    Path p = dir.resolve("bad.csv");
    Files.writeString(p, csv);
    DataOptions o =
        new DataOptions(
            p.toString(),
            label,
            features,
            List.of(),
            "onehot",
            "auto",
            "random",
            null,
            List.of(),
            64,
            64,
            null);
    TrainerException e =
        catchThrowableOfType(
            TrainerException.class,
            () ->
                new DatasetBuilder(o, TestRuns.hp(Map.of()))
                    .build(Sources.open(p.toString(), S3Settings.fromEnv(Map.of()))));
    assertThat(e).as("expected a TrainerException").isNotNull();
    assertThat(e.retryable()).isFalse();
    assertThat(e.exitCode()).isEqualTo(TrainerException.EXIT_USER);
    assertThat(e.getMessage()).doesNotContain("\n");
    return e;
  }

  @Test
  void missingLabelColumn() throws Exception {
    assertThat(fail("a,b\n1,2\n3,4\n", "y", List.of()).getMessage())
        .contains("label column 'y' not found")
        .contains("bad.csv")
        .contains("[a, b]");
  }

  @Test
  void nonNumericFeature() throws Exception {
    assertThat(fail("a,b,y\n1,2,0\n3,x7,1\n", "y", List.of("a", "b")).getMessage())
        .isEqualTo("column 'b' row 2: 'x7' is not a number (declare it with --categorical b)");
  }

  @Test
  void emptyFile() throws Exception {
    assertThat(fail("", "y", List.of()).getMessage()).contains("empty file");
  }

  @Test
  void headerWithoutRows() throws Exception {
    assertThat(fail("a,y\n", "y", List.of()).getMessage()).contains("no data rows");
  }

  @Test
  void nanAndInfinity() throws Exception {
    assertThat(fail("a,y\n1,0\nNaN,1\n2,1\n", "y", List.of()).getMessage())
        .isEqualTo("column 'a' row 2: non-finite value 'NaN'");
    assertThat(fail("a,y\n1,0\n2,1\n3,inf\n", "y", List.of()).getMessage())
        .contains("label column 'y' row 3: non-finite value 'inf'");
  }

  @Test
  void missingValue() throws Exception {
    assertThat(fail("a,y\n1,0\n,1\n", "y", List.of("a")).getMessage())
        .isEqualTo("column 'a' row 2: missing value");
  }

  @Test
  void raggedRow() throws Exception {
    assertThat(fail("a,y\n1,0\n2,1,9\n", "y", List.of()).getMessage())
        .contains("row 2")
        .contains("3 fields, the header has 2");
  }

  @Test
  void singleClassAndNonNumericRegressionLabel() throws Exception {
    assertThat(fail("a,y\n1,0\n2,0\n", "y", List.of()).getMessage()).contains("single class");
    Path p = dir.resolve("r.csv");
    Files.writeString(p, "a,y\n1,1.5\n2,abc\n");
    DataOptions o =
        new DataOptions(
            p.toString(),
            "y",
            List.of(),
            List.of(),
            "onehot",
            "regression",
            "random",
            null,
            List.of(),
            64,
            64,
            null);
    TrainerException e =
        catchThrowableOfType(
            TrainerException.class,
            () ->
                new DatasetBuilder(o, TestRuns.hp(Map.of()))
                    .build(Sources.open(p.toString(), S3Settings.fromEnv(Map.of()))));
    assertThat(e.getMessage()).contains("label column 'y' row 2: 'abc' is not a number");
  }

  @Test
  void missingFile() {
    TrainerException e =
        catchThrowableOfType(
            TrainerException.class,
            () ->
                Sources.open(dir.resolve("nope.csv").toString(), S3Settings.fromEnv(Map.of()))
                    .header());
    assertThat(e.getMessage()).contains("nope.csv: no such file");
    assertThat(e.retryable()).isFalse();
  }
}
