package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How collected metrics are written, one epoch per line. */
public enum MetricsCollectorFormat {
  /** {@code epoch=3 loss=0.41 acc=0.88}: key=value pairs anywhere on a line (stdout). */
  @JsonProperty("keyValue")
  KEY_VALUE,
  /** One JSON object per line (stdout or file). */
  @JsonProperty("json")
  JSON,
  /** A regular expression with named groups (stdout). */
  @JsonProperty("regex")
  REGEX,
  /** A header, then one row per epoch, like epoch_metrics.csv (file). */
  @JsonProperty("csv")
  CSV
}
