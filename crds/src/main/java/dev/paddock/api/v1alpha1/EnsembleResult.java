package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Summary of an ensemble study's members (the members themselves are its trials). */
public record EnsembleResult(
    @JsonPropertyDescription("Members finished.") Integer members,
    @JsonPropertyDescription("Mean objective.") Double mean,
    @JsonPropertyDescription("Sample standard deviation of the objective.") Double stddev,
    @JsonPropertyDescription("Lowest objective.") Double min,
    @JsonPropertyDescription("Highest objective.") Double max) {}
