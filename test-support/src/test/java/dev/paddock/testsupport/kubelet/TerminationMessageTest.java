package dev.paddock.testsupport.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminationMessageTest {

  @TempDir Path dir;

  @Test
  void theFileIsReadUpTo4096Bytes() throws Exception {
    Path file = Files.writeString(dir.resolve("msg"), "x".repeat(5000));

    String message = TerminationMessage.read(file, "File", 0, dir.resolve("none.log"), 0);

    assertThat(message).hasSize(4096);
  }

  @Test
  void aFailedContainerWithAnEmptyFileFallsBackToThisRunsLogTail() throws Exception {
    Path file = Files.writeString(dir.resolve("msg"), "");
    Path log = Files.writeString(dir.resolve("c.log"), "earlier run\n");
    long offset = Files.size(log);
    Files.writeString(log, "line 1\nline 2\n", java.nio.file.StandardOpenOption.APPEND);

    assertThat(TerminationMessage.read(file, "FallbackToLogsOnError", 1, log, offset))
        .isEqualTo("line 1\nline 2");
    assertThat(TerminationMessage.read(file, "FallbackToLogsOnError", 0, log, offset)).isEmpty();
    assertThat(TerminationMessage.read(file, "File", 1, log, offset)).isEmpty();
  }

  @Test
  void theLogTailKeepsTheLast80Lines() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 100; i++) {
      lines.append(i).append('\n');
    }
    Path log = Files.writeString(dir.resolve("c.log"), lines);

    String message =
        TerminationMessage.read(dir.resolve("absent"), "FallbackToLogsOnError", 2, log, 0);

    assertThat(message.lines()).hasSize(80).startsWith("21").endsWith("100");
  }
}
