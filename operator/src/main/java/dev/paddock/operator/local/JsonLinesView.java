package dev.paddock.operator.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** One JSON object per event on standard output, for scripts and pipelines. */
public final class JsonLinesView implements ProgressView {

  private final ObjectMapper json = new ObjectMapper();
  private final PrintStream out;

  public JsonLinesView(PrintStream out) {
    this.out = out;
  }

  @Override
  public void update(RunSnapshot snapshot) {}

  @Override
  public void event(RunEvent event) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("time", event.time().toString());
    line.put("event", event.type());
    line.putAll(event.fields());
    print(line);
  }

  @Override
  public void finish(RunSnapshot snapshot) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("event", "summary");
    line.put("study", snapshot.study());
    line.put("phase", snapshot.phase());
    line.put("message", snapshot.message());
    line.put("finished", snapshot.finished());
    line.put("seconds", snapshot.elapsed().toSeconds());
    print(line);
  }

  private void print(Map<String, Object> line) {
    try {
      out.println(json.writeValueAsString(line));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
