package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** How a new model is rolled out. */
public record RolloutSpec(
    @Min(1)
        @JsonPropertyDescription(
            "Seconds a new revision has to become ready before rolling back (default 600).")
        Integer progressDeadlineSeconds,
    @JsonPropertyDescription("Run the candidate beside the primary before promoting it.")
        CanarySpec canary) {}
