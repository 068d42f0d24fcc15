package dev.paddock.operator.local;

import dev.paddock.contract.metrics.LineSplitter;
import dev.paddock.contract.metrics.MetricsParser;
import dev.paddock.operator.collector.EpochSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Copies one of a trainer's output streams (stdout or stderr) into its trainer.log unchanged, and
 * gives each complete line to the metrics parser as it streams. One splitter per stream: stdout and
 * stderr written at once never cut each other's lines.
 */
final class StreamPump implements Runnable {

  private final InputStream stream;
  private final Writer log;
  private final MetricsParser parser;
  private final EpochSink sink;
  private final LineSplitter splitter = new LineSplitter();

  StreamPump(InputStream stream, Writer log, MetricsParser parser, EpochSink sink) {
    this.stream = stream;
    this.log = log;
    this.parser = parser;
    this.sink = sink;
  }

  @Override
  public void run() {
    char[] buffer = new char[8192];
    try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
      int n;
      while ((n = reader.read(buffer)) >= 0) {
        String chunk = new String(buffer, 0, n);
        synchronized (log) {
          log.write(chunk);
          log.flush();
        }
        lines(splitter.accept(chunk));
      }
    } catch (IOException e) {
      // The stream closes when the process is killed: what was read is kept.
    }
    lines(splitter.finish());
  }

  private void lines(List<String> lines) {
    for (String line : lines) {
      parser.line(line).ifPresent(sink::accept);
    }
  }
}
