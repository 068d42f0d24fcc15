package dev.paddock.trainer.serve;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.paddock.trainer.util.Json;
import dev.paddock.trainer.util.TrainerException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP API: {@code POST /v1/predict} ({@code {"rows": [{"col": value, ...}]}}), {@code GET
 * /healthz}, {@code GET /readyz} (ready once a test prediction succeeded), {@code GET /metrics}.
 */
public final class PredictServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PredictServer.class);
  private static final int MAX_BODY = 64 << 20;

  private final ModelService model;
  private final ServeMetrics metrics = new ServeMetrics();
  private final AtomicBoolean ready = new AtomicBoolean();
  private final HttpServer server;
  private final ExecutorService executor;

  public PredictServer(ModelService model, String host, int port, int threads) throws IOException {
    this.model = model;
    this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
    this.executor = Executors.newFixedThreadPool(Math.max(1, threads));
    server.setExecutor(executor);
    server.createContext("/v1/predict", this::predict);
    server.createContext("/healthz", ex -> send(ex, 200, "text/plain", "ok"));
    server.createContext(
        "/readyz",
        ex -> send(ex, ready.get() ? 200 : 503, "text/plain", ready.get() ? "ready" : "not ready"));
    server.createContext(
        "/metrics",
        ex -> send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
  }

  /** Starts listening, then runs a test prediction; ready only once it succeeds. */
  public void start() {
    server.start();
    try {
      model.predict(List.of(model.exampleRow()));
      ready.set(true);
      LOG.info("serving {} on port {}", model.card().label().task(), port());
    } catch (RuntimeException e) {
      LOG.error("test prediction failed: not ready", e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public boolean ready() {
    return ready.get();
  }

  private void predict(HttpExchange ex) throws IOException {
    if (!"POST".equals(ex.getRequestMethod())) {
      send(ex, 405, "application/json", "{\"error\":\"use POST\"}");
      return;
    }
    long start = System.nanoTime();
    try {
      List<Map<String, Object>> rows = readRows(ex.getRequestBody());
      Prediction p = model.predict(rows);
      metrics.success(rows.size());
      send(ex, 200, "application/json", Json.write(p));
    } catch (TrainerException e) {
      metrics.failure();
      send(ex, 400, "application/json", Json.write(Map.of("error", e.getMessage())));
    } catch (RuntimeException e) {
      metrics.failure();
      LOG.error("prediction failed", e);
      send(ex, 500, "application/json", Json.write(Map.of("error", e.toString())));
    } finally {
      metrics
          .latency()
          .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  private static List<Map<String, Object>> readRows(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      throw TrainerException.user("request body over " + MAX_BODY + " bytes");
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw TrainerException.user("body is not JSON");
    }
    JsonNode rows = node == null ? null : node.isArray() ? node : node.get("rows");
    if (rows == null || !rows.isArray()) {
      throw TrainerException.user("expected {\"rows\": [{\"column\": value, ...}, ...]}");
    }
    return Json.MAPPER.convertValue(rows, new TypeReference<List<Map<String, Object>>>() {});
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    try (var out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
