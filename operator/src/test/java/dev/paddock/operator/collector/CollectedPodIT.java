package dev.paddock.operator.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.paddock.contract.CollectedPod;
import dev.paddock.contract.TrainerEnv;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collected trial's pod without Kubernetes: the real launcher (compiled from
 * operator/src/main/c/paddock-launch.c) runs a Python script as the trainer container would, the
 * collector follows it through the shared run directory, reports to an HTTP endpoint and keeps its
 * output and checkpoints in a directory store. The real node runs the same in containers
 * (RealNodeChartIT); this one covers the protocol's edges quickly.
 */
class CollectedPodIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path launcher;

  @TempDir Path dir;
  private volatile HttpServer operator;
  private final List<JsonNode> reports = Collections.synchronizedList(new ArrayList<>());
  private final List<String> tokens = Collections.synchronizedList(new ArrayList<>());
  private volatile int stopAt = Integer.MAX_VALUE;

  @BeforeAll
  static void compileTheLauncher(@TempDir Path bin) throws Exception {
    launcher = bin.resolve("paddock-launch");
    Process gcc =
        new ProcessBuilder("gcc", "-O2", "-o", launcher.toString(), "src/main/c/paddock-launch.c")
            .redirectErrorStream(true)
            .start();
    String out = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(gcc.waitFor()).as("gcc: " + out).isZero();
  }

  @BeforeEach
  void startTheReportEndpoint() throws IOException {
    operator = restart(0);
  }

  /** The report endpoint, on a given port (0: any). */
  private HttpServer restart(int port) throws IOException {
    HttpServer operator = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    operator.createContext(
        "/v1/report",
        exchange -> {
          JsonNode body = JSON.readTree(exchange.getRequestBody());
          reports.add(body);
          tokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
          String decision = body.path("epoch").asInt() >= stopAt ? "stop" : "continue";
          byte[] answer = ("{\"decision\":\"" + decision + "\"}").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    operator.start();
    return operator;
  }

  @AfterEach
  void stopTheReportEndpoint() {
    operator.stop(0);
  }

  /** A script as people write them: flags, a line per epoch, a checkpoint it resumes from. */
  private static final String SCRIPT =
      """
      import json, os, signal, sys, time
      out, ckpt = os.environ["PADDOCK_OUTPUT_DIR"], os.environ["PADDOCK_CHECKPOINT_DIR"]
      state = os.path.join(ckpt, "state.json")
      start = json.load(open(state))["epoch"] + 1 if os.path.exists(state) else 1
      print(f"starting at epoch {start}", flush=True)
      for epoch in range(start, int(sys.argv[1]) + 1):
          print(f"training {epoch}: 50%|#####     |\\r", end="", flush=True)
          time.sleep(0.15)
          print(f"epoch={epoch} loss={1.0 / epoch:.4f} acc={0.5 + epoch / 100:.3f}", flush=True)
          print(f"warning: nothing to see at {epoch}", file=sys.stderr, flush=True)
          json.dump({"epoch": epoch}, open(state + ".tmp", "w"))
          os.replace(state + ".tmp", state)
          with open(os.path.join(out, "epoch_metrics.csv"), "a") as f:
              f.write(f"{epoch},{1.0 / epoch}\\n")
      open(os.path.join(out, "model.txt"), "w").write("weights")
      """;

  private Path store() {
    return dir.resolve("store/trials/t-1/");
  }

  private Map<String, String> env(String kind, String format, String path) throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put(CollectedPod.KIND_ENV, kind);
    if (format != null) {
      env.put(CollectedPod.FORMAT_ENV, format);
    }
    if (path != null) {
      env.put(CollectedPod.PATH_ENV, path);
    }
    env.put(CollectedPod.RUN_DIR_ENV, Files.createDirectories(dir.resolve("run")).toString());
    env.put(TrainerEnv.OUTPUT_DIR, Files.createDirectories(dir.resolve("output")).toString());
    env.put(
        TrainerEnv.CHECKPOINT_DIR, Files.createDirectories(dir.resolve("checkpoints")).toString());
    env.put(TrainerEnv.ARTIFACTS, store().toUri().toString());
    env.put(
        TrainerEnv.REPORT_URL,
        "http://127.0.0.1:" + operator.getAddress().getPort() + "/v1/report");
    env.put(TrainerEnv.REPORT_TOKEN, "v2.pod-token");
    env.put(TrainerEnv.TRIAL, "team-a/t-1");
    env.put(CollectedPod.STOP_GRACE_ENV, "5");
    env.put("PADDOCK_FINAL_WAIT_SECONDS", "60");
    return env;
  }

  /** The pod: the collector ready first, then the launched trainer; both must end. */
  private Ended runPod(Map<String, String> env, List<String> command) throws Exception {
    Path terminationLog = dir.resolve("collector-termination-log");
    Collector collector = new Collector(CollectorSettings.fromEnv(env), launcher, terminationLog);
    CompletableFuture<Void> sidecar =
        CompletableFuture.runAsync(
            () -> {
              try {
                collector.prepare();
                collector.follow();
                collector.finish();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Path ready = Path.of(env.get(CollectedPod.RUN_DIR_ENV), CollectedPod.READY);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(ready)) {
      assertThat(System.nanoTime()).as("the collector to be ready").isLessThan(deadline);
      Thread.sleep(50);
    }
    List<String> launched = new ArrayList<>();
    launched.add(Path.of(env.get(CollectedPod.RUN_DIR_ENV), CollectedPod.LAUNCHER).toString());
    launched.add("--");
    launched.addAll(command);
    ProcessBuilder trainer = new ProcessBuilder(launched).directory(dir.toFile());
    trainer.environment().putAll(env);
    trainer.redirectOutput(dir.resolve("trainer.out").toFile());
    trainer.redirectError(dir.resolve("trainer.err").toFile());
    Process process = trainer.start();
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the trainer to end").isTrue();
    sidecar.get(30, TimeUnit.SECONDS);
    return new Ended(
        process.exitValue(),
        JSON.readTree(Files.readString(terminationLog)),
        Files.readString(dir.resolve("trainer.out")));
  }

  private record Ended(int exitCode, JsonNode summary, String containerLog) {}

  private List<String> python(int epochs) throws IOException {
    Path script = Files.writeString(dir.resolve("train.py"), SCRIPT);
    return List.of("python3", "-u", script.toString(), Integer.toString(epochs));
  }

  @Test
  void aPrintingScriptIsReportedEpochByEpochAndItsOutputKept() throws Exception {
    Ended ended = runPod(env("STDOUT", "KEY_VALUE", null), python(4));

    assertThat(ended.exitCode()).isZero();
    assertThat(reports).extracting(r -> r.path("epoch").asInt()).containsExactly(1, 2, 3, 4);
    assertThat(reports.get(3).path("metrics").path("acc").asDouble()).isEqualTo(0.54);
    assertThat(reports.get(0).path("trial").asText()).isEqualTo("team-a/t-1");
    assertThat(tokens).containsOnly("Bearer v2.pod-token");
    assertThat(ended.summary().path("status").asText()).isEqualTo("completed");
    assertThat(ended.summary().path("epoch").asInt()).isEqualTo(4);
    assertThat(ended.summary().path("metrics").path("loss").asDouble()).isEqualTo(0.25);
    // The container's own log is the script's output, unchanged.
    assertThat(ended.containerLog())
        .startsWith("starting at epoch 1\ntraining 1: 50%|#####     |\repoch=1 loss=1.0000");
    assertThat(Files.readString(store().resolve("model.txt"))).isEqualTo("weights");
    assertThat(Files.readAllLines(store().resolve("epoch_metrics.csv"))).hasSize(4);
    assertThat(store().resolve("checkpoints/state.json")).content().isEqualTo("{\"epoch\": 4}");
  }

  @Test
  void aStopDecisionStopsTheScriptAndTheTrialEndsStopped() throws Exception {
    stopAt = 2;

    Ended ended = runPod(env("STDOUT", "KEY_VALUE", null), python(40));

    assertThat(ended.exitCode()).as("a stop is not a failure for the Job").isZero();
    assertThat(ended.summary().path("status").asText()).isEqualTo("stopped");
    // Stopped at the decision, not run to its 40th epoch (how many epochs end meanwhile is the
    // machine's speed).
    assertThat(ended.summary().path("epoch").asInt()).isGreaterThanOrEqualTo(2).isLessThan(40);
    assertThat(Files.readString(dir.resolve("run/exit"))).contains("stopped");
    assertThat(reports).hasSizeLessThan(40);
    assertThat(ended.containerLog()).doesNotContain("epoch=40 ");
    assertThat(store().resolve("checkpoints/state.json")).exists();
  }

  @Test
  void aRetriedPodResumesFromTheCheckpointsInTheStore() throws Exception {
    Files.createDirectories(store().resolve("checkpoints"));
    Files.writeString(store().resolve("checkpoints/state.json"), "{\"epoch\": 2}");

    Ended ended = runPod(env("STDOUT", "KEY_VALUE", null), python(4));

    assertThat(ended.containerLog()).startsWith("starting at epoch 3\n");
    assertThat(reports).extracting(r -> r.path("epoch").asInt()).containsExactly(3, 4);
    assertThat(ended.summary().path("status").asText()).isEqualTo("completed");
  }

  @Test
  void aFileCollectorReadsTheCsvTheScriptWrites() throws Exception {
    String script =
        """
        import os, time
        path = os.path.join(os.environ["PADDOCK_OUTPUT_DIR"], "logs", "metrics.csv")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        rows = ["epoch,val_loss"]
        for epoch in range(1, 4):
            rows.append(f"{epoch},{1.0 / epoch}")
            open(path, "w").write("\\n".join(rows) + "\\n")  # rewritten whole, as pandas does
            time.sleep(0.3)
        """;

    Ended ended = runPod(env("FILE", "CSV", "logs/metrics.csv"), List.of("python3", "-c", script));

    assertThat(ended.summary().path("status").asText()).isEqualTo("completed");
    assertThat(reports).extracting(r -> r.path("epoch").asInt()).containsExactly(1, 2, 3);
    assertThat(reports.get(1).path("metrics").path("val_loss").asDouble()).isEqualTo(0.5);
    assertThat(store().resolve("logs/metrics.csv")).exists();
  }

  @Test
  void aScriptThatPrintsNoMetricFailsAndSaysWhy() throws Exception {
    Ended ended =
        runPod(
            env("STDOUT", "KEY_VALUE", null),
            List.of("python3", "-c", "print('hello'); print('loss is low', flush=True)"));

    assertThat(ended.exitCode()).isZero();
    assertThat(ended.summary().path("status").asText()).isEqualTo("failed");
    assertThat(ended.summary().path("error").asText())
        .contains(
            "exited with code 0 but the stdout (keyValue, epoch key epoch) collector read no epoch")
        .contains("its last output: hello | loss is low");
  }

  @Test
  void aCrashIsRetryableAndShowsTheTraceback() throws Exception {
    Ended ended =
        runPod(
            env("STDOUT", "KEY_VALUE", null),
            List.of(
                "python3",
                "-c",
                "print('epoch=1 loss=0.5', flush=True); raise SystemExit('CUDA out of memory')"));

    assertThat(ended.exitCode()).isEqualTo(1);
    assertThat(ended.summary().path("status").asText()).isEqualTo("failed");
    assertThat(ended.summary().path("retryable").asBoolean()).isTrue();
    assertThat(ended.summary().path("epoch").asInt()).isEqualTo(1);
    assertThat(ended.summary().path("error").asText())
        .contains("trainer exited with code 1")
        .contains("CUDA out of memory");
    assertThat(reports).hasSize(1);
  }

  @Test
  void aCommandThatCannotRunIsAUserError() throws Exception {
    Ended ended = runPod(env("STDOUT", "KEY_VALUE", null), List.of("no-such-trainer", "--lr", "1"));

    assertThat(ended.exitCode()).as("the trainer contract's user error").isEqualTo(2);
    assertThat(ended.summary().path("status").asText()).isEqualTo("failed");
    assertThat(ended.summary().path("retryable").asBoolean()).isFalse();
    assertThat(ended.summary().path("error").asText())
        .contains("could not start (cannot run no-such-trainer: No such file or directory)");
  }

  @Test
  void reportsWaitForAnOperatorThatIsAwayAndArriveInOrder() throws Exception {
    int port = operator.getAddress().getPort();
    operator.stop(0);
    Map<String, String> env = env("STDOUT", "KEY_VALUE", null);
    CompletableFuture<Void> back =
        CompletableFuture.runAsync(
            () -> {
              try {
                // Back once the script has printed its epochs and ended.
                while (!Files.exists(dir.resolve("run").resolve(CollectedPod.EXIT))) {
                  Thread.sleep(50);
                }
                operator = restart(port);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    Ended ended = runPod(env, python(3));

    back.get(10, TimeUnit.SECONDS);
    assertThat(reports).extracting(r -> r.path("epoch").asInt()).containsExactly(1, 2, 3);
    assertThat(ended.summary().path("status").asText()).isEqualTo("completed");
    assertThat(ended.summary().path("epoch").asInt()).isEqualTo(3);
  }

  @Test
  void anOutputTheStoreRefusesFailsTheTrialRetryably() throws Exception {
    Map<String, String> env = env("STDOUT", "KEY_VALUE", null);
    // A store that cannot exist: the output directory has nowhere to go.
    env.put(TrainerEnv.ARTIFACTS, "s3://paddock/studies/team-a/s/trials/t-1/");
    env.put(TrainerEnv.S3_ENDPOINT, "http://127.0.0.1:9");
    env.put(TrainerEnv.S3_ACCESS_KEY, "key");
    env.put(TrainerEnv.S3_SECRET_KEY, "secret");
    env.put("PADDOCK_STORE_WAIT_SECONDS", "1");

    Ended ended = runPod(env, python(2));

    assertThat(ended.exitCode()).isZero();
    assertThat(reports).extracting(r -> r.path("epoch").asInt()).containsExactly(1, 2);
    assertThat(ended.summary().path("status").asText()).isEqualTo("failed");
    assertThat(ended.summary().path("retryable").asBoolean()).isTrue();
    assertThat(ended.summary().path("error").asText())
        .contains("the output directory could not be uploaded to s3://paddock/")
        .contains("the checkpoints could not be restored");
    assertThat(ended.summary().path("metrics").path("loss").asDouble())
        .as("what was collected is kept")
        .isEqualTo(0.5);
  }

  @Test
  void garbledMetricsLinesAreSaidInTheSummaryAndTheRestIsKept() throws Exception {
    Ended ended =
        runPod(
            env("STDOUT", "KEY_VALUE", null),
            List.of(
                "python3",
                "-c",
                "print('epoch=1 loss=0.5'); print('epoch=2 loss=0.\\x00garbage'); "
                    + "print('epoch=two loss=0.4'); print('epoch=3 loss=0.3', flush=True)"));

    assertThat(ended.summary().path("status").asText()).isEqualTo("completed");
    assertThat(reports).extracting(r -> r.path("epoch").asInt()).containsExactly(1, 2, 3);
    assertThat(ended.summary().path("error").asText())
        .isEqualTo("1 lines looked like metrics but could not be read, e.g. 'epoch=two loss=0.4'");
  }
}
