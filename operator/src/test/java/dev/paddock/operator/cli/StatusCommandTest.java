package dev.paddock.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code paddock status}: a study's table row, and why its archive skipped trials. */
class StatusCommandTest {

  @TempDir Path store;

  @Test
  void aStudyWhoseArchiveSkippedATrialSaysWhy() throws IOException {
    Path status = store.resolve("studies/default/tiny/study.json");
    Files.createDirectories(status.getParent());
    Files.writeString(
        status,
        """
        {"apiVersion": "paddock.dev/v1alpha1", "kind": "TrainingStudy",
         "metadata": {"name": "tiny", "namespace": "default"},
         "spec": {"budget": {"maxTrials": 1, "parallelism": 1}},
         "status": {"phase": "Succeeded", "trials": {"finished": 1},
                    "archive": {"archived": 0,
                                "message": "trial tiny-0 has no model under file:///x/"}}}
        """);

    String out = run("status", "--store", store.toString());

    assertThat(out)
        .contains("Succeeded")
        .contains("default/tiny: ArchiveSkipped: trial tiny-0 has no model under file:///x/");
  }

  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      assertThat(Paddock.commandLine().execute(args)).isZero();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
