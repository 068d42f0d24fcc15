package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** A candidate is promoted only when it passes every gate given. */
public record PromotionGates(
    @JsonPropertyDescription("Minimum grade.") Grade minGrade,
    @JsonPropertyDescription("Minimum objective (maximize) or maximum (minimize).")
        Double minObjective,
    @Min(0.0) @JsonPropertyDescription("Improvement over the current primary needed to replace it.")
        Double minImprovement) {}
