package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a study picks the parameters of its next trials. */
public enum SearchAlgorithm {
  @JsonProperty("grid")
  GRID,
  @JsonProperty("random")
  RANDOM,
  @JsonProperty("tpe")
  TPE,
  @JsonProperty("ensemble")
  ENSEMBLE
}
