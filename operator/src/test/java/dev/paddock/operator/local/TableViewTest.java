package dev.paddock.operator.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table view prints notices as one line, on a terminal too. */
class TableViewTest {

  @Test
  void aParallelismCapIsPrintedAsOneLineOnATerminalAndInALog() {
    for (boolean terminal : new boolean[] {true, false}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TableView view = new TableView(new PrintStream(out, true, StandardCharsets.UTF_8), terminal);

      view.event(
          new RunEvent(
              Instant.EPOCH,
              "parallelism-capped",
              Map.of("message", "running at most 1 trial at once")));

      assertThat(out.toString(StandardCharsets.UTF_8))
          .isEqualTo("paddock: running at most 1 trial at once" + System.lineSeparator());
    }
  }
}
