package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a trial's per-epoch metrics come from. */
public enum MetricsCollectorKind {
  /** The trainer POSTs each epoch to PADDOCK_REPORT_URL (the trainer contract; the default). */
  @JsonProperty("push")
  PUSH,
  /** Lines the trainer prints on stdout or stderr. */
  @JsonProperty("stdout")
  STDOUT,
  /** A file the trainer writes under its output directory. */
  @JsonProperty("file")
  FILE
}
