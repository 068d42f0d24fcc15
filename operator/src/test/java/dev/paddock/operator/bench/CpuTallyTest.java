package dev.paddock.operator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuTallyTest {

  @TempDir Path dir;

  @Test
  void stealIsTheEighthValueOfTheCpuLineInHundredthsOfASecond() throws Exception {
    Path stat = dir.resolve("stat");
    Files.writeString(
        stat,
        "cpu  3723844 85 371694 2954097 7831 0 31330 87780 0 0\n"
            + "cpu0 1861922 42 185847 1477048 3915 0 15665 43890 0 0\n"
            + "intr 123\n");

    assertThat(CpuTally.steal(stat)).isEqualTo(Duration.ofSeconds(877, 800_000_000));
  }

  @Test
  void noStatFileMeansNoStealToReport() {
    assertThat(CpuTally.steal(dir.resolve("absent"))).isEqualTo(Duration.ZERO);
  }
}
