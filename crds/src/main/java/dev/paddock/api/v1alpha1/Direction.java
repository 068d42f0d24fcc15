package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether higher or lower objective values are better. */
public enum Direction {
  @JsonProperty("maximize")
  MAXIMIZE,
  @JsonProperty("minimize")
  MINIMIZE
}
