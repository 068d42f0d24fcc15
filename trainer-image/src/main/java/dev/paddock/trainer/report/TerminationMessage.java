package dev.paddock.trainer.report;

import dev.paddock.trainer.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the {@link RunSummary} to the termination-message file. Kubernetes keeps at most 4096
 * bytes, so a long summary is shortened: validation metrics are kept first, then the error is cut.
 */
public final class TerminationMessage {

  static final int LIMIT = 4096;
  private static final Logger LOG = LoggerFactory.getLogger(TerminationMessage.class);

  private TerminationMessage() {}

  public static String render(RunSummary s) {
    RunSummary clean =
        new RunSummary(
            s.status(),
            s.epoch(),
            EpochReporter.finite(s.metrics()),
            s.error(),
            s.retryable(),
            s.artifacts());
    String json = Json.write(clean);
    if (json.length() <= LIMIT) {
      return json;
    }
    Map<String, Double> val = new LinkedHashMap<>();
    clean
        .metrics()
        .forEach(
            (k, v) -> {
              if (k.startsWith("val_")) {
                val.put(k, v);
              }
            });
    String error =
        s.error() == null ? null : s.error().substring(0, Math.min(1000, s.error().length()));
    json = Json.write(new RunSummary(s.status(), s.epoch(), val, error, s.retryable(), null));
    return json.length() <= LIMIT
        ? json
        : Json.write(new RunSummary(s.status(), s.epoch(), Map.of(), error, s.retryable(), null));
  }

  /** Writes the summary; a failure to write is logged, never thrown. */
  public static void write(Path path, RunSummary s) {
    String json = render(s);
    System.out.println("paddock-summary " + json);
    if (path == null) {
      return;
    }
    try {
      Files.writeString(path, json, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot write termination message to {}: {}", path, e.toString());
    }
  }
}
