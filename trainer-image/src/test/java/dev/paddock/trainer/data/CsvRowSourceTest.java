package dev.paddock.trainer.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.contract.store.S3Settings;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowSourceTest {

  @TempDir Path dir;

  @Test
  void readsQuotedFieldsTrimsAndSkipsBlankLinesFromGzip() throws Exception {
    Path p = dir.resolve("d.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      out.write(
          "name, x ,y\n\"Smith, J\", 1.5 ,0\n\n\"O\"\"Neil\",2,1\n"
              .getBytes(StandardCharsets.UTF_8));
    }
    RowSource src = Sources.open("file://" + p, S3Settings.fromEnv(Map.of()));
    assertThat(src.header()).containsExactly("name", "x", "y");
    List<String> seen = new ArrayList<>();
    src.scan((i, row) -> seen.add(i + ":" + row.get(0) + "|" + row.get(1)));
    assertThat(seen).containsExactly("0:Smith, J|1.5", "1:O\"Neil|2");
    // a second pass reads the same rows again
    List<String> again = new ArrayList<>();
    src.scan((i, row) -> again.add(row.get(2)));
    assertThat(again).containsExactly("0", "1");
  }

  @Test
  void timeAndHoldoutParsing() {
    assertThat(TimeParser.parse("1970-01-11")).isEqualTo(10.0);
    assertThat(TimeParser.parse("1970-01-02T12:00:00")).isEqualTo(1.5);
    assertThat(TimeParser.parse("86400")).isEqualTo(1.0);
    assertThat(TimeParser.parse("1600000000000")).isEqualTo(TimeParser.parse("1600000000"));
    assertThat(TimeParser.parse("2020")).isEqualTo(18262.0);
    HoldoutPeriod y = HoldoutPeriod.parse("2020");
    assertThat(y.contains(TimeParser.parse("2020-12-31"))).isTrue();
    assertThat(y.contains(TimeParser.parse("2021-01-01"))).isFalse();
    HoldoutPeriod r = HoldoutPeriod.parse("2023-01-01..2023-06-30");
    assertThat(r.name()).isEqualTo("2023_01_01_to_2023_06_30");
    assertThat(r.contains(TimeParser.parse("2023-06-30"))).isTrue();
    assertThat(HoldoutPeriod.parse("2020-03").name()).isEqualTo("2020_03");
  }
}
