package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Trials of a study by state. */
public record TrialCounts(
    @JsonPropertyDescription("Trials created so far.") Integer created,
    @JsonPropertyDescription("Trials running now.") Integer running,
    @JsonPropertyDescription("Trials that finished all their epochs.") Integer succeeded,
    @JsonPropertyDescription("Trials that failed after their retries.") Integer failed,
    @JsonPropertyDescription("Trials stopped early.") Integer pruned,
    @JsonPropertyDescription("succeeded + failed + pruned.") Integer finished) {}
