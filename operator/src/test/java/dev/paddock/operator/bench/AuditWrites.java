package dev.paddock.operator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * API writes (create, update, patch, delete) as the kube-apiserver's audit log records them, one
 * JSON event a line: counted for the clients whose user agent starts with a prefix, by verb and
 * resource. Only completed requests count (an audit policy may log other stages too).
 */
public final class AuditWrites {

  static final Set<String> WRITE_VERBS =
      Set.of("create", "update", "patch", "delete", "deletecollection");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Integer> byRequest;

  private AuditWrites(Map<String, Integer> byRequest) {
    this.byRequest = byRequest;
  }

  /** The writes in the given audit log lines by clients whose user agent starts with prefix. */
  public static AuditWrites count(List<String> lines, String userAgentPrefix) {
    return count(lines, userAgentPrefix, null);
  }

  /** As {@link #count(List, String)}, of the objects in one namespace only (null: any). */
  public static AuditWrites count(List<String> lines, String userAgentPrefix, String namespace) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode event = parse(line);
      String verb = event.path("verb").asText();
      if (!"ResponseComplete".equals(event.path("stage").asText())
          || !WRITE_VERBS.contains(verb)
          || !event.path("userAgent").asText().startsWith(userAgentPrefix)
          || (namespace != null
              && !namespace.equals(event.path("objectRef").path("namespace").asText()))) {
        continue;
      }
      counts.merge(verb + " " + resource(event.path("objectRef")), 1, Integer::sum);
    }
    return new AuditWrites(counts);
  }

  /** The lines a log file holds from a byte offset (where a phase began) to its end. */
  public static List<String> linesFrom(Path log, long offset) {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long length = file.length();
      byte[] bytes = new byte[(int) (length - offset)];
      file.seek(offset);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit log " + log, e);
    }
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException("not an audit event: " + line, e);
    }
  }

  /** "trials/status", "jobs", "events" (with the API group, when it has one). */
  private static String resource(JsonNode ref) {
    String group = ref.path("apiGroup").asText("");
    String resource = ref.path("resource").asText("?");
    String subresource = ref.path("subresource").asText("");
    return resource
        + (group.isEmpty() ? "" : "." + group)
        + (subresource.isEmpty() ? "" : "/" + subresource);
  }

  public int total() {
    return byRequest.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** "verb resource[.group][/subresource]" to count, sorted. */
  public Map<String, Integer> byRequest() {
    return byRequest;
  }
}
