package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Rungs at minEpochs * reductionFactor^k; the top 1/reductionFactor go on at each rung. */
public record AshaSettings(
    @Min(1) @JsonPropertyDescription("Epochs of the first rung (default 1).") Integer minEpochs,
    @Min(2) @Max(16) @JsonPropertyDescription("Reduction factor eta (default 3).")
        Integer reductionFactor) {}
