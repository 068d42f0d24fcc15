package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Latest and best value of one metric of a trial. */
public record MetricSummary(
    @JsonPropertyDescription("Value at the latest epoch.") Double latest,
    @JsonPropertyDescription("Best value so far (by the objective's direction).") Double best) {}
