package dev.paddock.contract.metrics;

/** How a trainer writes its metrics, one epoch per line (or row). */
public enum MetricsFormat {
  /** {@code key=value} pairs anywhere on a line: {@code epoch=3 loss=0.41, acc=0.88}. */
  KEY_VALUE,
  /** One JSON object per line: {@code {"epoch": 3, "loss": 0.41}}; other lines are ignored. */
  JSON,
  /** A regular expression whose named groups are the metrics (and the epoch). */
  REGEX,
  /** A CSV file with a header and one row per epoch, like {@code epoch_metrics.csv}. */
  CSV
}
