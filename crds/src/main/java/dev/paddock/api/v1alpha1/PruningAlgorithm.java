package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Early-stopping rule. */
public enum PruningAlgorithm {
  @JsonProperty("none")
  NONE,
  @JsonProperty("median")
  MEDIAN,
  @JsonProperty("asha")
  ASHA
}
