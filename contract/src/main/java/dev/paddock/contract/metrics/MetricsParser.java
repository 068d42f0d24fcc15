package dev.paddock.contract.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one parser of metrics a trainer prints or writes, shared by the local runner and the
 * cluster's collector. It reads lines (cut by a {@link LineSplitter}, one per stream) and gives,
 * for each line that names an epoch, that epoch's metrics so far: values printed for the same epoch
 * on several lines (or again, by a script that rewrites its CSV) are merged, the latest winning. A
 * line without the epoch key gives nothing (a progress bar's running loss is not an epoch's
 * result), nor does a line whose epoch is not a whole number. Thread-safe: stdout and stderr may
 * feed it at once.
 */
public final class MetricsParser {

  private final MetricsSpec spec;
  private final LineParser lines;
  private final Map<Integer, Map<String, Double>> epochs = new HashMap<>();
  private final List<String> unreadable = new ArrayList<>();
  private int unreadableCount;

  /** How many unreadable lines are kept as examples. */
  static final int UNREADABLE_EXAMPLES = 3;

  private MetricsParser(MetricsSpec spec) {
    this.spec = spec;
    this.lines = LineParser.of(spec);
  }

  /**
   * @throws IllegalArgumentException when the spec's pattern does not compile
   */
  public static MetricsParser of(MetricsSpec spec) {
    return new MetricsParser(spec);
  }

  /** The epoch this line completes, with every metric seen for it, or empty. */
  public synchronized Optional<EpochMetrics> line(String line) {
    Map<String, Double> values = lines.parse(line);
    Integer epoch = Numbers.epoch(values.get(spec.epochKey()));
    if (epoch == null) {
      if (looksLikeMetrics(line)) {
        unreadableCount++;
        if (unreadable.size() < UNREADABLE_EXAMPLES) {
          unreadable.add(line.length() > 200 ? line.substring(0, 197) + "..." : line);
        }
      }
      return Optional.empty();
    }
    values.remove(spec.epochKey());
    Map<String, Double> merged = epochs.computeIfAbsent(epoch, e -> new LinkedHashMap<>());
    merged.putAll(values);
    return Optional.of(new EpochMetrics(epoch, merged));
  }

  /** Every epoch in a whole text (a file read at once, a finished log), in order of appearance. */
  public List<EpochMetrics> text(String text) {
    LineSplitter splitter = new LineSplitter();
    List<String> all = new ArrayList<>(splitter.accept(text));
    all.addAll(splitter.finish());
    List<EpochMetrics> found = new ArrayList<>();
    all.forEach(l -> line(l).ifPresent(found::add));
    return found;
  }

  /**
   * Lines that name the epoch key as a metrics line would ({@code epoch=} in key=value, {@code
   * "epoch"} in a JSON object) but gave no epoch: a garbled or cut metrics line, to be reported
   * rather than passed over in silence. Regex and CSV lines that do not match are just other lines.
   */
  public synchronized int unreadableCount() {
    return unreadableCount;
  }

  /** The first few unreadable lines, for a message. */
  public synchronized List<String> unreadableExamples() {
    return List.copyOf(unreadable);
  }

  private boolean looksLikeMetrics(String line) {
    return switch (spec.format()) {
      case KEY_VALUE -> line.contains(spec.epochKey() + "=");
      case JSON -> line.trim().startsWith("{") && line.contains("\"" + spec.epochKey() + "\"");
      case REGEX, CSV -> false;
    };
  }

  /** The last values of every epoch seen, by epoch. */
  public synchronized Map<Integer, Map<String, Double>> epochs() {
    Map<Integer, Map<String, Double>> copy = new java.util.TreeMap<>();
    epochs.forEach((e, m) -> copy.put(e, Map.copyOf(m)));
    return copy;
  }
}
