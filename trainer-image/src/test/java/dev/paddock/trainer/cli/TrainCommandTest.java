package dev.paddock.trainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paddock.trainer.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line: environment contract, exit codes and the termination message. */
class TrainCommandTest {

  @TempDir Path dir;

  int run(Map<String, String> env, String... args) {
    TrainCommand cmd = new TrainCommand();
    cmd.env = env;
    return new CommandLine(cmd).execute(args);
  }

  JsonNode termination() throws Exception {
    return Json.MAPPER.readTree(Files.readString(dir.resolve("term.json")));
  }

  @Test
  void readsTheTrialContractFromTheEnvironment() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("PADDOCK_PARAMS", "{\"lr\":\"0.005\",\"hidden\":\"8\",\"batch_size\":\"32\"}");
    env.put("PADDOCK_EPOCHS", "2");
    env.put("PADDOCK_TRIAL", "ns/study-3");
    env.put("PADDOCK_ARTIFACTS", dir.resolve("art").toUri().toString());
    env.put("PADDOCK_TERMINATION_LOG", dir.resolve("term.json").toString());
    int code = run(env, "--data", "synthetic:moons?rows=200", "--label", "label", "--lr", "0.1");
    assertThat(code).isZero();
    JsonNode t = termination();
    assertThat(t.path("status").asText()).isEqualTo("completed");
    assertThat(t.path("epoch").asInt()).isEqualTo(2);
    assertThat(t.path("metrics").has("val_auc")).isTrue();
    JsonNode hp = Json.MAPPER.readTree(dir.resolve("art/hyperparams.json").toFile());
    assertThat(hp.path("lr").asText()).isEqualTo("0.005");
    assertThat(hp.path("batch_size").asText()).isEqualTo("32");
    JsonNode meta = Json.MAPPER.readTree(dir.resolve("art/metadata.json").toFile());
    assertThat(meta.path("trial").asText()).isEqualTo("ns/study-3");
  }

  @Test
  void badDataIsAUserErrorWithExitCode2() throws Exception {
    Path csv = dir.resolve("d.csv");
    Files.writeString(csv, "a,b\n1,2\n");
    int code =
        run(
            Map.of(),
            "--data",
            csv.toString(),
            "--label",
            "churned",
            "--artifacts",
            dir.resolve("art").toUri().toString(),
            "--termination-log",
            dir.resolve("term.json").toString());
    assertThat(code).isEqualTo(2);
    JsonNode t = termination();
    assertThat(t.path("status").asText()).isEqualTo("failed");
    assertThat(t.path("retryable").asBoolean()).isFalse();
    assertThat(t.path("error").asText()).contains("label column 'churned' not found");
  }

  @Test
  void anUnreachableStoreIsRetryableWithExitCode3() throws Exception {
    Map<String, String> env =
        Map.of(
            "PADDOCK_S3_ENDPOINT",
            "http://127.0.0.1:1",
            "PADDOCK_S3_ACCESS_KEY",
            "k",
            "PADDOCK_S3_SECRET_KEY",
            "s");
    int code =
        run(
            env,
            "--data",
            "s3://datasets/churn.csv",
            "--label",
            "y",
            "--artifacts",
            dir.resolve("art").toUri().toString(),
            "--termination-log",
            dir.resolve("term.json").toString());
    assertThat(code).isEqualTo(3);
    JsonNode t = termination();
    assertThat(t.path("retryable").asBoolean()).isTrue();
    assertThat(t.path("error").asText())
        .contains("s3://datasets/churn.csv")
        .contains("unreachable");
  }

  @Test
  void badParamsAreUserErrors() throws Exception {
    int code =
        run(
            Map.of("PADDOCK_PARAMS", "{\"hidden\":\"wide\"}"),
            "--data",
            "synthetic:moons",
            "--label",
            "label",
            "--artifacts",
            dir.resolve("art").toUri().toString(),
            "--termination-log",
            dir.resolve("term.json").toString());
    assertThat(code).isEqualTo(2);
    assertThat(termination().path("error").asText()).contains("parameter hidden");
  }

  @Test
  void helpDocumentsTheFlags() {
    java.io.StringWriter out = new java.io.StringWriter();
    CommandLine cl = PaddockTrainer.commandLine();
    cl.setOut(new java.io.PrintWriter(out));
    assertThat(cl.execute("train", "--help")).isZero();
    assertThat(out.toString())
        .contains("--data", "--label", "--holdout", "--half-life-days", "--checkpoint-every");
  }
}
