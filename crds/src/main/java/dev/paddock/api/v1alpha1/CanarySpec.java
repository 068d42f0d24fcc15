package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** A canary: the candidate serves beside the primary for a while before promotion. */
public record CanarySpec(
    @Min(1) @JsonPropertyDescription("Canary replicas.") Integer replicas,
    @Min(1) @JsonPropertyDescription("Minutes the canary must stay ready.") Integer minutes) {}
