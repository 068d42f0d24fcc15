package dev.paddock.contract.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paddock.contract.TrainerEnv;
import dev.paddock.contract.metrics.EpochMetrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each epoch's metrics to {@code PADDOCK_REPORT_URL} with the trial's bearer token ({@code
 * PADDOCK_REPORT_TOKEN}). Best effort: a failed report never stops training; it stays queued and is
 * sent again, in order, before the next one.
 *
 * <p>The contract (DESIGN.md, "The trainer contract"): each report is a {@code POST} of {@code
 * {"trial": "<namespace>/<name>", "epoch": 12, "metrics": {"val_f1": 0.18, ...}}} (finite numbers
 * only) with {@code Authorization: Bearer <token>}; a 2xx answer is {@code {"decision":
 * "continue"}} or {@code {"decision": "stop"}} (early stopping). A stop is remembered and returned
 * for every later epoch, so the trainer ends the run gracefully with its model saved. HTTP 410 Gone
 * says the trial has ended: nothing more is sent and the run stops. Any other answer, or none,
 * keeps the report queued.
 */
public final class EpochReporter {

  private static final Logger LOG = LoggerFactory.getLogger(EpochReporter.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_QUEUED = 10_000;

  private final URI url;
  private final String token;
  private final String trial;
  private final HttpClient http;
  private final Duration timeout;
  private final Deque<Map<String, Object>> pending = new ArrayDeque<>();
  private int lastAcked;
  private boolean stop;
  private boolean gone;

  public EpochReporter(URI url, String token, String trial, Duration timeout) {
    this.url = url;
    this.token = token;
    this.trial = trial;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /**
   * A reporter for the trial named by {@link TrainerEnv#TRIAL}, reporting to {@link
   * TrainerEnv#REPORT_URL} with {@link TrainerEnv#REPORT_TOKEN}; empty when no report URL is set
   * (the trainer then runs on its own).
   */
  public static Optional<EpochReporter> fromEnv(Map<String, String> env, Duration timeout) {
    String url = env.get(TrainerEnv.REPORT_URL);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new EpochReporter(
            URI.create(url), env.get(TrainerEnv.REPORT_TOKEN), env.get(TrainerEnv.TRIAL), timeout));
  }

  /** Queues an epoch and tries to send everything pending; returns the latest decision. */
  public Decision report(int epoch, Map<String, Double> metrics) {
    enqueue(epoch, metrics);
    flush();
    return stop ? Decision.STOP : Decision.CONTINUE;
  }

  /**
   * Queues an epoch without sending (a resumed run re-queues the epochs its checkpoint says were
   * never acknowledged).
   */
  public void enqueue(int epoch, Map<String, Double> metrics) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("trial", trial);
    body.put("epoch", epoch);
    body.put("metrics", finite(metrics));
    if (pending.size() >= MAX_QUEUED) {
      pending.removeFirst();
    }
    pending.addLast(body);
  }

  /** Sets the last acknowledged epoch (restored from a checkpoint). */
  public void restoreAcked(int epoch) {
    lastAcked = epoch;
  }

  /** Tries to send every queued report; returns true when none is left. */
  public boolean flush() {
    while (!pending.isEmpty() && !gone) {
      Map<String, Object> body = pending.peekFirst();
      if (!send(body)) {
        return false;
      }
      pending.removeFirst();
      lastAcked = Math.max(lastAcked, (Integer) body.get("epoch"));
    }
    if (gone) {
      // The operator no longer takes this trial's reports: nothing is kept for later.
      pending.clear();
    }
    return true;
  }

  /** Epochs not yet acknowledged. */
  public int pendingCount() {
    return pending.size();
  }

  /** The highest epoch the operator acknowledged. */
  public int lastAcked() {
    return lastAcked;
  }

  private boolean send(Map<String, Object> body) {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(write(body)));
    if (token != null && !token.isBlank()) {
      req.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
      if (resp.statusCode() == 410) {
        LOG.info("the operator says this trial has ended: no more reports, ending the run");
        gone = true;
        stop = true;
        return true;
      }
      if (resp.statusCode() / 100 != 2) {
        LOG.warn(
            "report of epoch {} answered HTTP {}: kept for later",
            body.get("epoch"),
            resp.statusCode());
        return false;
      }
      readDecision(resp.body());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      LOG.warn("report of epoch {} failed ({}): kept for later", body.get("epoch"), e.toString());
      return false;
    }
  }

  private void readDecision(String body) {
    if (body == null || body.isBlank()) {
      return;
    }
    try {
      JsonNode node = JSON.readTree(body);
      if ("stop".equalsIgnoreCase(node.path("decision").asText())) {
        if (!stop) {
          LOG.info("operator answered stop: ending the run after this epoch");
        }
        stop = true;
      }
    } catch (Exception e) {
      LOG.warn("unreadable report answer: {}", body);
    }
  }

  /** Drops NaN and infinite values, which JSON cannot carry. */
  public static Map<String, Double> finite(Map<String, Double> metrics) {
    return EpochMetrics.finite(metrics);
  }

  private static String write(Map<String, Object> body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize an epoch report", e);
    }
  }
}
