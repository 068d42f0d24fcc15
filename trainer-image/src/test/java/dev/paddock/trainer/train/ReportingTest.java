package dev.paddock.trainer.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.paddock.contract.TerminationMessage;
import dev.paddock.trainer.TestRuns;
import dev.paddock.trainer.util.Json;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's reporting against a local stub of the operator's report endpoint. */
class ReportingTest {

  @TempDir Path dir;
  HttpServer server;
  final List<JsonNode> received = new CopyOnWriteArrayList<>();
  final List<String> auth = new CopyOnWriteArrayList<>();

  /** Starts a stub; {@code answer} maps the call number (from 1) to (status, body). */
  String stub(IntFunction<Object[]> answer) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/report",
        ex -> {
          Object[] a = answer.apply(calls.incrementAndGet());
          int status = (Integer) a[0];
          if (status == 200) {
            received.add(Json.MAPPER.readTree(ex.getRequestBody()));
            auth.add(ex.getRequestHeaders().getFirst("Authorization"));
          }
          byte[] body = ((String) a[1]).getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(status, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/report";
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void stopDecisionEndsTheRunGracefullyWithTheModelSaved() throws Exception {
    String url =
        stub(
            n ->
                new Object[] {
                  200, n >= 2 ? "{\"decision\":\"stop\"}" : "{\"decision\":\"continue\"}"
                });
    var cfg =
        TestRuns.config(
            TestRuns.data("synthetic:moons?rows=400", "label"),
            TestRuns.hp(Map.of("epochs", "6")),
            dir,
            url,
            0);
    TerminationMessage s = new TrainRunner(cfg).run();
    assertThat(s.status()).isEqualTo(TerminationMessage.STOPPED);
    assertThat(s.epoch()).isEqualTo(2);
    assertThat(received).hasSize(2);
    assertThat(received.get(0).path("epoch").asInt()).isEqualTo(1);
    assertThat(received.get(0).path("trial").asText()).isEqualTo("test/trial-1");
    assertThat(received.get(1).path("metrics").has("val_f1")).isTrue();
    assertThat(auth).containsOnly("Bearer secret-token");
    assertThat(dir.resolve("model/weights.params")).exists();
    assertThat(dir.resolve("checkpoints/latest.json")).exists();
  }

  @Test
  void unacknowledgedEpochsAreSentAgainInOrder() throws Exception {
    // the operator is away for the first three calls
    String url =
        stub(
            n ->
                n <= 3
                    ? new Object[] {503, "away"}
                    : new Object[] {200, "{\"decision\":\"continue\"}"});
    var cfg =
        TestRuns.config(
            TestRuns.data("synthetic:moons?rows=400", "label"),
            TestRuns.hp(Map.of("epochs", "4")),
            dir,
            url,
            0);
    TerminationMessage s = new TrainRunner(cfg).run();
    assertThat(s.status()).isEqualTo(TerminationMessage.COMPLETED);
    assertThat(received).extracting(j -> j.path("epoch").asInt()).containsExactly(1, 2, 3, 4);
  }

  @Test
  void aTrialTheOperatorSaysHasEndedStopsAndSendsNothingMore() throws Exception {
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    String url =
        stub(
            n -> {
              calls.set(n);
              return new Object[] {410, "{\"decision\":\"stop\",\"error\":\"trial has ended\"}"};
            });
    var cfg =
        TestRuns.config(
            TestRuns.data("synthetic:moons?rows=400", "label"),
            TestRuns.hp(Map.of("epochs", "6")),
            dir,
            url,
            0);
    TerminationMessage s = new TrainRunner(cfg).run();
    assertThat(s.status()).isEqualTo(TerminationMessage.STOPPED);
    assertThat(s.epoch()).isEqualTo(1);
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  void anUnreachableOperatorNeverStopsTraining() {
    var cfg =
        TestRuns.config(
            TestRuns.data("synthetic:moons?rows=300", "label"),
            TestRuns.hp(Map.of("epochs", "2")),
            dir,
            "http://127.0.0.1:1/report",
            0);
    TerminationMessage s = new TrainRunner(cfg).run();
    assertThat(s.status()).isEqualTo(TerminationMessage.COMPLETED);
    assertThat(s.epoch()).isEqualTo(2);
  }
}
