package dev.paddock.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paddock.contract.metrics.EpochMetrics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trainer's final summary in its termination message (DESIGN.md, "The trainer contract"):
 * {@code {"status": "completed|stopped|failed", "epoch": .., "metrics": {..}, "error": "..",
 * "retryable": false}}, and {@code "artifacts"} where the trainer says where it wrote them. The
 * trainer writes it; the cluster driver reads it from the pod's status and the local runner from
 * the file.
 *
 * @param status {@link #COMPLETED}, {@link #STOPPED} or {@link #FAILED}
 * @param epoch the last finished epoch
 * @param metrics the final metrics
 * @param error a one-line error, when failed; null otherwise
 * @param retryable whether running the trial again may help
 * @param artifacts the URI of the trial's artifacts, or null
 */
public record TerminationMessage(
    String status,
    int epoch,
    Map<String, Double> metrics,
    String error,
    boolean retryable,
    String artifacts) {

  public static final String COMPLETED = "completed";
  public static final String STOPPED = "stopped";
  public static final String FAILED = "failed";

  /** Kubernetes keeps at most this many bytes of a termination message. */
  public static final int LIMIT = 4096;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TAIL_BYTES = 4096;
  static final int MAX_LAST_OUTPUT = 200;
  private static final Logger LOG = LoggerFactory.getLogger(TerminationMessage.class);

  public TerminationMessage {
    metrics = metrics == null ? Map.of() : metrics;
  }

  public TerminationMessage(
      String status, int epoch, Map<String, Double> metrics, String error, boolean retryable) {
    this(status, epoch, metrics, error, retryable, null);
  }

  /** A failed run's summary. */
  public static TerminationMessage failure(int epoch, String error, boolean retryable) {
    return new TerminationMessage(FAILED, epoch, Map.of(), error, retryable, null);
  }

  public boolean completed() {
    return COMPLETED.equals(status);
  }

  public boolean stopped() {
    return STOPPED.equals(status);
  }

  public boolean failed() {
    return FAILED.equals(status);
  }

  /**
   * The summary in a termination message, leniently: with {@code FallbackToLogsOnError} the
   * kubelet's message may be the log's last lines instead, so the summary is the last line holding
   * a JSON object (the trainer also prints it as its last log line). Empty when there is none.
   *
   * @param statusIfMissing the status of a summary that names none
   */
  public static Optional<TerminationMessage> parse(String message, String statusIfMissing) {
    if (message == null || message.isBlank()) {
      return Optional.empty();
    }
    List<String> lines = message.lines().filter(l -> l.contains("{")).toList();
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    String last = lines.get(lines.size() - 1);
    try {
      JsonNode node = JSON.readTree(last.substring(last.indexOf('{')));
      return node != null && node.isObject()
          ? Optional.of(of(node, statusIfMissing))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The summary a trainer wrote to {@code file}, or a failure that says it wrote none (retryable
   * unless the trainer exited 2, the usage error) or an unreadable one.
   */
  public static TerminationMessage read(Path file, int exitCode, Path log) {
    try {
      if (written(file)) {
        String text = Files.readString(file);
        return parse(text, FAILED)
            .orElseGet(
                () -> failure(0, "unreadable termination message " + file + ": no JSON", true));
      }
    } catch (IOException | RuntimeException e) {
      return failure(0, "unreadable termination message " + file + ": " + e.getMessage(), true);
    }
    return failure(
        0,
        "trainer exited with code "
            + exitCode
            + lastOutput(log)
            + " and wrote no termination message; see "
            + log,
        exitCode != 2);
  }

  /**
   * The summary of a trainer whose metrics were collected from its output and which wrote no
   * termination message: stopped when the runner stopped it, completed when it exited 0 after at
   * least one epoch was collected, failed otherwise.
   */
  public static TerminationMessage inferred(
      int exitCode, boolean stoppedByRunner, int epochs, String collector, Path log) {
    if (stoppedByRunner) {
      return new TerminationMessage(STOPPED, epochs, Map.of(), null, false);
    }
    if (exitCode == 0 && epochs > 0) {
      return new TerminationMessage(COMPLETED, epochs, Map.of(), null, false);
    }
    if (exitCode == 0) {
      return failure(
          0,
          "trainer exited with code 0 but the "
              + collector
              + " collector read no epoch from it; see "
              + log,
          false);
    }
    return failure(
        0,
        "trainer exited with code " + exitCode + lastOutput(log) + "; see " + log,
        exitCode != 2);
  }

  /**
   * The last line the trainer wrote to its log, which is its error as a rule (a Python traceback
   * ends with it), as " (last output: ...)": control characters removed, at most {@link
   * #MAX_LAST_OUTPUT} characters. Empty when the log is missing or blank.
   */
  static String lastOutput(Path log) {
    try (SeekableByteChannel channel = Files.newByteChannel(log)) {
      long size = channel.size();
      ByteBuffer tail = ByteBuffer.allocate((int) Math.min(size, TAIL_BYTES));
      channel.position(size - tail.capacity());
      while (tail.hasRemaining() && channel.read(tail) >= 0) {
        // read the whole tail
      }
      String text = new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8);
      String[] lines = text.split("[\\r\\n]+");
      for (int i = lines.length - 1; i >= 0; i--) {
        String line = lines[i].replaceAll("[\\p{Cntrl}\\x{FFFD}]", "").strip();
        if (!line.isEmpty()) {
          if (line.length() > MAX_LAST_OUTPUT) {
            line = line.substring(0, MAX_LAST_OUTPUT - 3) + "...";
          }
          return " (last output: " + line + ")";
        }
      }
    } catch (IOException | RuntimeException e) {
      // No log to quote: the message points to it anyway.
    }
    return "";
  }

  /** Whether the trainer wrote a termination message. */
  public static boolean written(Path file) {
    try {
      return Files.exists(file) && Files.size(file) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The summary as compact JSON within {@link #LIMIT}: non-finite metrics are left out (JSON has
   * none), and a summary too long keeps its validation metrics first, then cuts the error.
   */
  public String toJson() {
    Map<String, Double> finite = EpochMetrics.finite(metrics);
    String json = render(finite, error, artifacts);
    if (json.length() <= LIMIT) {
      return json;
    }
    Map<String, Double> validation = new LinkedHashMap<>();
    finite.forEach(
        (k, v) -> {
          if (k.startsWith("val_")) {
            validation.put(k, v);
          }
        });
    String cut = error == null ? null : error.substring(0, Math.min(1000, error.length()));
    json = render(validation, cut, null);
    return json.length() <= LIMIT ? json : render(Map.of(), cut, null);
  }

  /**
   * Writes the summary to {@code file} (none when null) and prints it as the log's last line,
   * {@code paddock-summary {...}}, for {@code FallbackToLogsOnError}. A failure to write is logged,
   * never thrown: the run's outcome must not hang on it.
   */
  public void write(Path file) {
    String json = toJson();
    System.out.println("paddock-summary " + json);
    if (file == null) {
      return;
    }
    try {
      Files.writeString(file, json, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot write termination message to {}: {}", file, e.toString());
    }
  }

  private String render(Map<String, Double> finiteMetrics, String error, String artifacts) {
    ObjectNode node = JSON.createObjectNode();
    if (status != null) {
      node.put("status", status);
    }
    node.put("epoch", epoch);
    ObjectNode m = node.putObject("metrics");
    finiteMetrics.forEach(m::put);
    if (error != null) {
      node.put("error", error);
    }
    node.put("retryable", retryable);
    if (artifacts != null) {
      node.put("artifacts", artifacts);
    }
    return node.toString();
  }

  private static TerminationMessage of(JsonNode node, String statusIfMissing) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    node.path("metrics")
        .properties()
        .forEach(
            f -> {
              if (f.getValue().isNumber()) {
                metrics.put(f.getKey(), f.getValue().doubleValue());
              }
            });
    return new TerminationMessage(
        node.path("status").asText(statusIfMissing),
        node.path("epoch").asInt(0),
        metrics,
        node.hasNonNull("error") ? node.get("error").asText() : null,
        node.path("retryable").asBoolean(false),
        node.hasNonNull("artifacts") ? node.get("artifacts").asText() : null);
  }
}
