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
  void kwokSlowdownComparesItsCpuPerUnitOfWorkWithTheCeilings() {
    CpuTally ceiling = kwok(Duration.ofMillis(12_000));
    // The second full-size run of this round: 25.4 ms per trial against 6.0 per Job.
    assertThat(kwok(Duration.ofMillis(50_800)).kwokSlowdown(2000, ceiling, 2000))
        .isCloseTo(4.23, org.assertj.core.data.Offset.offset(0.01));
    assertThat(kwok(Duration.ofMillis(11_800)).kwokSlowdown(2000, ceiling, 2000)).isLessThan(1.0);
    assertThat(kwok(Duration.ofMillis(100)).kwokSlowdown(10, kwok(Duration.ZERO), 10))
        .isEqualTo(1.0);
  }

  private static CpuTally kwok(Duration cpu) {
    return new CpuTally(java.util.Map.of("kwok", cpu), Duration.ZERO);
  }

  @Test
  void noStatFileMeansNoStealToReport() {
    assertThat(CpuTally.steal(dir.resolve("absent"))).isEqualTo(Duration.ZERO);
  }
}
