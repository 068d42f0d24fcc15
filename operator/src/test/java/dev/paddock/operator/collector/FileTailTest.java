package dev.paddock.operator.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.contract.metrics.EpochMetrics;
import dev.paddock.contract.metrics.MetricsFormat;
import dev.paddock.contract.metrics.MetricsSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTailTest {

  @TempDir Path dir;

  private final List<EpochMetrics> handed = new ArrayList<>();

  private FileTail tail(Path file) {
    return new FileTail(file, MetricsSpec.of(MetricsFormat.CSV), handed::add);
  }

  /** Writes and moves the modification time on, as a second write a moment later would. */
  private static void write(Path file, String text, StandardOpenOption... options)
      throws IOException {
    Files.writeString(file, text, options);
    Files.setLastModifiedTime(
        file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 1000));
  }

  @Test
  void aFileRewrittenEveryEpochHandsEachEpochOnce() throws IOException {
    Path file = dir.resolve("epoch_metrics.csv");
    FileTail tail = tail(file);
    tail.poll(false);
    write(file, "epoch,loss\n1,0.5\n");
    tail.poll(false);
    tail.poll(false);
    write(file, "epoch,loss\n1,0.5\n2,0.4\n");
    tail.poll(false);

    assertThat(handed).extracting(EpochMetrics::epoch).containsExactly(1, 2);
  }

  @Test
  void anUnfinishedRowWaitsUntilTheTrainerHasEnded() throws IOException {
    Path file = dir.resolve("m.csv");
    FileTail tail = tail(file);
    write(file, "epoch,loss\n1,0.5\n2,0.4");
    tail.poll(false);
    assertThat(handed).extracting(EpochMetrics::epoch).containsExactly(1);

    tail.poll(true);
    assertThat(handed).extracting(EpochMetrics::epoch).containsExactly(1, 2);
    assertThat(handed.get(1).metrics()).isEqualTo(Map.of("loss", 0.4));
  }

  @Test
  void aChangedValueForAnEpochIsHandedAgain() throws IOException {
    Path file = dir.resolve("m.csv");
    FileTail tail = tail(file);
    write(file, "epoch,loss\n1,0.5\n");
    tail.poll(false);
    write(file, "1,0.45\n", StandardOpenOption.APPEND);
    tail.poll(false);

    assertThat(handed).hasSize(2);
    assertThat(handed.get(1).metrics()).isEqualTo(Map.of("loss", 0.45));
  }
}
