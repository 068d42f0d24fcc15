package dev.paddock.operator.collector;

import dev.paddock.contract.metrics.EpochMetrics;
import dev.paddock.contract.metrics.MetricsParser;
import dev.paddock.contract.metrics.MetricsSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Follows a metrics file the trainer writes (appended to, or rewritten whole every epoch as {@code
 * pandas.to_csv} does): whenever it changes, it is read again with a fresh parser and each epoch
 * whose values changed is handed on. Until the trainer has ended, an unfinished last line waits.
 */
public final class FileTail {

  private final Path file;
  private final MetricsSpec spec;
  private final EpochSink sink;
  private final Map<Integer, Map<String, Double>> handed = new HashMap<>();
  private long size = -1;
  private FileTime modified;

  public FileTail(Path file, MetricsSpec spec, EpochSink sink) {
    this.file = file;
    this.spec = spec;
    this.sink = sink;
  }

  /** Reads the file if it changed; {@code ended}: the trainer has exited, take every line. */
  public synchronized void poll(boolean ended) {
    try {
      if (!Files.isRegularFile(file) || unchanged() && !ended) {
        return;
      }
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      int complete = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
      for (EpochMetrics epoch :
          MetricsParser.of(spec).text(ended ? text : text.substring(0, complete))) {
        if (!epoch.metrics().equals(handed.get(epoch.epoch()))) {
          handed.put(epoch.epoch(), epoch.metrics());
          sink.accept(epoch);
        }
      }
    } catch (IOException e) {
      // Being rewritten: read again on the next poll.
    }
  }

  private boolean unchanged() throws IOException {
    long nowSize = Files.size(file);
    FileTime nowModified = Files.getLastModifiedTime(file);
    boolean same = nowSize == size && nowModified.equals(modified);
    size = nowSize;
    modified = nowModified;
    return same;
  }
}
