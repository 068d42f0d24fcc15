package dev.paddock.operator.collector;

import dev.paddock.contract.metrics.LineSplitter;
import dev.paddock.contract.metrics.MetricsParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Follows one of the trainer's streams as the launcher appends it to the run directory, and gives
 * each complete line to the metrics parser. Bytes are decoded only up to the last line end read (a
 * UTF-8 character never holds one), so a character cut between two reads stays whole. The last
 * lines are kept for the trial's message when the trainer fails.
 */
final class LogFollower {

  private static final int KEPT_LINES = 20;

  private final Path file;
  private final MetricsParser parser;
  private final EpochSink sink;
  private final LineSplitter splitter = new LineSplitter();
  private final ByteArrayOutputStream unfinished = new ByteArrayOutputStream();
  private final Deque<String> last = new ArrayDeque<>();
  private long offset;

  LogFollower(Path file, MetricsParser parser, EpochSink sink) {
    this.file = file;
    this.parser = parser;
    this.sink = sink;
  }

  /** Reads what was appended; {@code ended}: the trainer has exited, its last line counts too. */
  synchronized void poll(boolean ended) throws IOException {
    if (Files.exists(file) && Files.size(file) > offset) {
      try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
        in.seek(offset);
        byte[] chunk = new byte[(int) Math.min(in.length() - offset, 1 << 20)];
        in.readFully(chunk);
        offset += chunk.length;
        unfinished.write(chunk);
      }
    }
    byte[] pending = unfinished.toByteArray();
    int end = ended ? pending.length : lastLineEnd(pending) + 1;
    if (end > 0) {
      lines(splitter.accept(new String(pending, 0, end, StandardCharsets.UTF_8)));
      unfinished.reset();
      unfinished.write(pending, end, pending.length - end);
    }
    if (ended) {
      lines(splitter.finish());
    }
  }

  /** The trainer's last lines on this stream, oldest first. */
  synchronized List<String> lastLines() {
    return List.copyOf(last);
  }

  private void lines(List<String> lines) {
    for (String line : lines) {
      if (!line.isBlank()) {
        last.addLast(line);
        if (last.size() > KEPT_LINES) {
          last.removeFirst();
        }
      }
      parser.line(line).ifPresent(sink::accept);
    }
  }

  private static int lastLineEnd(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n' || bytes[i] == '\r') {
        return i;
      }
    }
    return -1;
  }
}
