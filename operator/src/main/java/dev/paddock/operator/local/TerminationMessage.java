package dev.paddock.operator.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trainer's final summary (DESIGN.md, "The trainer contract"): {@code {"status":
 * "completed|stopped|failed", "epoch": .., "metrics": {..}, "error": "..", "retryable": ..}}.
 */
record TerminationMessage(
    String status, int epoch, Map<String, Double> metrics, String error, boolean retryable) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TAIL_BYTES = 4096;
  static final int MAX_LAST_OUTPUT = 200;

  boolean completed() {
    return "completed".equals(status);
  }

  boolean stopped() {
    return "stopped".equals(status);
  }

  /** The message the trainer wrote, or a failure that says it wrote none. */
  static TerminationMessage read(Path file, int exitCode, Path log) {
    try {
      if (Files.exists(file) && Files.size(file) > 0) {
        return parse(JSON.readTree(Files.readString(file)));
      }
    } catch (IOException | RuntimeException e) {
      return failed("unreadable termination message " + file + ": " + e.getMessage(), true);
    }
    return failed(
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
  static TerminationMessage inferred(
      int exitCode, boolean stoppedByRunner, int epochs, String collector, Path log) {
    if (stoppedByRunner) {
      return new TerminationMessage("stopped", epochs, Map.of(), null, false);
    }
    if (exitCode == 0 && epochs > 0) {
      return new TerminationMessage("completed", epochs, Map.of(), null, false);
    }
    if (exitCode == 0) {
      return failed(
          "trainer exited with code 0 but the "
              + collector
              + " collector read no epoch from it; see "
              + log,
          false);
    }
    return failed(
        "trainer exited with code " + exitCode + lastOutput(log) + "; see " + log, exitCode != 2);
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
  static boolean written(Path file) {
    try {
      return Files.exists(file) && Files.size(file) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static TerminationMessage parse(JsonNode node) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    node.path("metrics")
        .fields()
        .forEachRemaining(
            f -> {
              if (f.getValue().isNumber()) {
                metrics.put(f.getKey(), f.getValue().doubleValue());
              }
            });
    return new TerminationMessage(
        node.path("status").asText("failed"),
        node.path("epoch").asInt(0),
        metrics,
        node.hasNonNull("error") ? node.get("error").asText() : null,
        node.path("retryable").asBoolean(false));
  }

  private static TerminationMessage failed(String error, boolean retryable) {
    return new TerminationMessage("failed", 0, Map.of(), error, retryable);
  }
}
