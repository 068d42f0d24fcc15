package dev.paddock.operator.epochreport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the report endpoint: {@code POST /v1/report}. Authenticates each report against
 * its trial, hands it to the {@link ReportListener} and writes the decision back.
 */
public final class ReportServer implements AutoCloseable {

  public static final String PATH = "/v1/report";
  private static final Logger LOG = LoggerFactory.getLogger(ReportServer.class);
  private static final int MAX_BODY_BYTES = 64 * 1024;

  private final ObjectMapper json = new ObjectMapper();
  private final ReportTokens tokens;
  private final ReportListener listener;
  private final HttpServer server;
  private final ExecutorService executor;

  private ReportServer(
      HttpServer server, ReportTokens tokens, ReportListener listener, int threads) {
    this.server = server;
    this.tokens = tokens;
    this.listener = listener;
    this.executor = Executors.newFixedThreadPool(threads, r -> new Thread(r, "paddock-report"));
    server.setExecutor(executor);
    server.createContext(PATH, this::handle);
  }

  /** Starts serving on the address (port 0: any free port). */
  public static ReportServer start(
      InetSocketAddress address, ReportTokens tokens, ReportListener listener, int threads) {
    try {
      ReportServer reportServer =
          new ReportServer(HttpServer.create(address, 64), tokens, listener, threads);
      reportServer.server.start();
      return reportServer;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve reports on " + address, e);
    }
  }

  /** The URL trainers POST to, as seen from this machine. */
  public URI url() {
    InetSocketAddress address = server.getAddress();
    String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
    return URI.create("http://" + host + ":" + address.getPort() + PATH);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        reply(exchange, 405, Map.of("error", "use POST"));
        return;
      }
      EpochReport report;
      try {
        report = parse(exchange.getRequestBody());
      } catch (IllegalArgumentException | IOException e) {
        reply(exchange, 400, Map.of("error", "malformed report: " + e.getMessage()));
        return;
      }
      String token = bearer(exchange.getRequestHeaders().getFirst("Authorization"));
      if (token == null) {
        reply(exchange, 401, Map.of("error", "missing bearer token"));
        return;
      }
      Optional<String> uid = tokens.verify(report.trial(), token);
      if (uid.isEmpty()) {
        reply(exchange, 403, Map.of("error", "token is not valid for trial " + report.trial()));
        return;
      }
      answer(
          exchange, new EpochReport(report.trial(), uid.get(), report.epoch(), report.metrics()));
    }
  }

  private void answer(HttpExchange exchange, EpochReport report) throws IOException {
    try {
      ReportAnswer answer = listener.onEpoch(report);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("decision", answer.stop() ? "stop" : "continue");
      body.put("reason", answer.reason());
      reply(exchange, 200, body);
    } catch (ReportListener.UnknownTrialException e) {
      reply(exchange, 404, Map.of("error", e.getMessage()));
    } catch (ReportListener.NotThisTrialException e) {
      reply(exchange, 403, Map.of("error", e.getMessage()));
    } catch (ReportListener.TrialEndedException e) {
      // A stop, so that a trainer that reads only the decision ends too.
      reply(exchange, 410, Map.of("decision", "stop", "error", e.getMessage()));
    } catch (ReportListener.NotReadyException e) {
      reply(exchange, 503, Map.of("error", e.getMessage()));
    } catch (RuntimeException e) {
      LOG.warn("report of {} epoch {} failed", report.trial(), report.epoch(), e);
      reply(exchange, 500, Map.of("error", "report not recorded; send it again"));
    }
  }

  private EpochReport parse(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      throw new IllegalArgumentException("larger than " + MAX_BODY_BYTES + " bytes");
    }
    JsonNode node = json.readTree(bytes);
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    if (!node.path("epoch").canConvertToInt() || !node.path("epoch").isIntegralNumber()) {
      throw new IllegalArgumentException("epoch must be an integer");
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    node.path("metrics")
        .fields()
        .forEachRemaining(
            field -> {
              if (!field.getValue().isNumber()) {
                throw new IllegalArgumentException("metric " + field.getKey() + " is not a number");
              }
              metrics.put(field.getKey(), field.getValue().doubleValue());
            });
    // The UID comes from the token, once it is verified.
    return new EpochReport(
        TrialRef.parse(node.path("trial").asText(null)), "", node.get("epoch").intValue(), metrics);
  }

  private static String bearer(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? null : token;
  }

  private void reply(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
    byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
