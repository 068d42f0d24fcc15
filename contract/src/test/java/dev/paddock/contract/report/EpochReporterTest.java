package dev.paddock.contract.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.paddock.contract.TrainerEnv;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The report client against a stub of the operator's report endpoint. */
class EpochReporterTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final List<String> auth = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  private HttpServer server;

  /** A stub; {@code answer} maps the call number (from 1) to its HTTP status and body. */
  private URI stub(IntFunction<Map.Entry<Integer, String>> answer) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/report",
        ex -> {
          Map.Entry<Integer, String> a = answer.apply(calls.incrementAndGet());
          if (a.getKey() == 200) {
            received.add(new ObjectMapper().readTree(ex.getRequestBody()));
            auth.add(ex.getRequestHeaders().getFirst("Authorization"));
          }
          byte[] body = a.getValue().getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(a.getKey(), body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/report");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void sendsTheTrialEpochAndFiniteMetricsWithTheTokenAndRemembersAStop() throws Exception {
    URI url = stub(n -> Map.entry(200, n >= 2 ? "{\"decision\":\"stop\"}" : "{}"));
    EpochReporter reporter = new EpochReporter(url, "secret", "ns/t-1", TIMEOUT);

    assertThat(reporter.report(1, Map.of("val_f1", 0.2))).isEqualTo(Decision.CONTINUE);
    assertThat(reporter.report(2, Map.of("val_f1", Double.NaN))).isEqualTo(Decision.STOP);

    assertThat(received.get(0).toString())
        .isEqualTo("{\"trial\":\"ns/t-1\",\"epoch\":1,\"metrics\":{\"val_f1\":0.2}}");
    assertThat(received.get(1).path("metrics").size()).isZero();
    assertThat(auth).containsOnly("Bearer secret");
    assertThat(reporter.lastAcked()).isEqualTo(2);
  }

  @Test
  void unacknowledgedEpochsAreSentAgainInOrder() throws Exception {
    URI url = stub(n -> n <= 2 ? Map.entry(503, "away") : Map.entry(200, "{}"));
    EpochReporter reporter = new EpochReporter(url, null, "ns/t-1", TIMEOUT);

    reporter.report(1, Map.of());
    reporter.report(2, Map.of());
    assertThat(reporter.pendingCount()).isEqualTo(2);
    reporter.report(3, Map.of());

    assertThat(received).extracting(j -> j.path("epoch").asInt()).containsExactly(1, 2, 3);
    assertThat(reporter.pendingCount()).isZero();
  }

  @Test
  void goneEndsTheRunAndDropsWhatIsQueued() throws Exception {
    URI url = stub(n -> Map.entry(410, "{\"error\":\"trial has ended\"}"));
    EpochReporter reporter = new EpochReporter(url, null, "ns/t-1", TIMEOUT);

    assertThat(reporter.report(1, Map.of())).isEqualTo(Decision.STOP);
    assertThat(reporter.report(2, Map.of())).isEqualTo(Decision.STOP);

    assertThat(calls.get()).isEqualTo(1);
    assertThat(reporter.pendingCount()).isZero();
  }

  @Test
  void anUnreachableOperatorNeverStopsTheRun() {
    EpochReporter reporter =
        new EpochReporter(URI.create("http://127.0.0.1:1/report"), null, "ns/t-1", TIMEOUT);

    assertThat(reporter.report(1, Map.of("loss", 1.0))).isEqualTo(Decision.CONTINUE);
    assertThat(reporter.pendingCount()).isEqualTo(1);
  }

  @Test
  void fromTheEnvironmentOnlyWhenAReportUrlIsSet() {
    assertThat(EpochReporter.fromEnv(Map.of(), TIMEOUT)).isEmpty();
    assertThat(
            EpochReporter.fromEnv(
                Map.of(TrainerEnv.REPORT_URL, "http://127.0.0.1:1/r", TrainerEnv.TRIAL, "ns/t"),
                TIMEOUT))
        .isPresent();
  }
}
