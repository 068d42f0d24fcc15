package dev.paddock.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.operator.manifest.Manifests;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code paddock run} refuses what the API server refuses, with its message and exit code 2. */
class RunCommandTest {

  private static final Path QUICKSTART = Path.of("..", "examples", "quickstart", "study.yaml");
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  @TempDir Path dir;

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
    Result result = run("run", manifest.toString());

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "paddock: TrainingStudy.paddock.dev \"quickstart\" is invalid: spec.budget.parallelism:"
                + " Invalid value: \"object\": budget.parallelism must not exceed budget.maxTrials\n");
  }

  @Test
  void aRerunWithAnotherSeedIntoTheSameStoreIsRefusedNamingTheField() throws IOException {
    Path store = dir.resolve("store");
    Path recorded = store.resolve(Path.of("studies", "default", "quickstart", "study.json"));
    Files.createDirectories(recorded.getParent());
    Files.writeString(recorded, SERIALIZATION.asJson(Manifests.loadStudy(QUICKSTART)));
    Path edited = dir.resolve("study.yaml");
    Files.writeString(edited, Files.readString(QUICKSTART).replace("seed: 42", "seed: 43"));
    String before = Files.readString(recorded);

    Result result =
        run("run", edited.toString(), "--store", store.toString(), "--trainer", "/bin/true");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "paddock: TrainingStudy.paddock.dev \"quickstart\" is invalid: spec.search.seed: Invalid"
                + " value: \"object\": spec.search.seed is immutable once the study exists: create"
                + " a new study\n")
        .contains("give it a new metadata.name or use a fresh --store");
    assertThat(Files.readString(recorded)).isEqualTo(before);
    try (Stream<Path> files = Files.list(recorded.getParent())) {
      assertThat(files).containsExactly(recorded);
    }
  }

  private record Result(int exit, String err) {}

  private static Result run(String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit = new CommandLine(new Paddock()).execute(args);
      return new Result(exit, err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }
}
