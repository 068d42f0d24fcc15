package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The metric a study optimizes. */
public record Objective(
    @Required
        @Size(max = 63)
        @Pattern(Api.IDENTIFIER)
        @JsonPropertyDescription(
            "Name of the metric the trainer reports, e.g. val_f1 (lower case, digits, _).")
        String metric,
    @Required @JsonPropertyDescription("maximize or minimize.") Direction direction,
    @JsonPropertyDescription(
            "Optional: the study succeeds, and stops its running trials, once a trial reaches"
                + " this value.")
        Double goal) {}
