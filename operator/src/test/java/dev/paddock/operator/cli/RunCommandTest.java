package dev.paddock.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code paddock run} refuses what the API server refuses, with its message and exit code 2. */
class RunCommandTest {

  @Test
  void anInvalidManifestIsRefusedWithTheApiServersMessage() {
    Path manifest =
        Path.of(
            "..",
            "crds",
            "src",
            "test",
            "resources",
            "invalid",
            "study-parallelism-above-max-trials.yaml");
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit = new CommandLine(new Paddock()).execute("run", manifest.toString());
    } finally {
      System.setErr(original);
    }

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "paddock: TrainingStudy.paddock.dev \"quickstart\" is invalid: spec.budget.parallelism:"
                + " Invalid value: \"object\": budget.parallelism must not exceed budget.maxTrials\n");
  }
}
