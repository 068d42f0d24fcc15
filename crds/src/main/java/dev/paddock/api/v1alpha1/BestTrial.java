package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/** The best trial of a study so far. */
public record BestTrial(
    @JsonPropertyDescription("Trial name.") String trial,
    @JsonPropertyDescription("Trial code.") String code,
    @JsonPropertyDescription("Grade.") Grade grade,
    @JsonPropertyDescription("Objective value.") Double objective,
    @JsonPropertyDescription("Parameters of the trial.") Map<String, String> parameters) {}
