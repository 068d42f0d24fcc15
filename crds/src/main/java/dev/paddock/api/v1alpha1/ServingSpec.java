package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** The serving Deployment. */
public record ServingSpec(
    @Min(0) @Max(1000) @JsonPropertyDescription("Replicas (default 1).") Integer replicas,
    @JsonPropertyDescription(
            "Pod template overrides; container trainer runs `paddock-trainer serve`.")
        PodTemplate template) {}
