package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether grades come from absolute thresholds or from rank within the study. */
public enum GradingMode {
  @JsonProperty("thresholds")
  THRESHOLDS,
  @JsonProperty("percentile")
  PERCENTILE
}
