package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The metric a study optimizes. The metric and direction are fixed once the study exists (trials
 * measured against another objective cannot be compared); the goal may change.
 */
@ValidationRule(
    value = "self.metric == oldSelf.metric",
    message = "spec.objective.metric" + Api.IMMUTABLE,
    fieldPath = ".metric")
@ValidationRule(
    value = "self.direction == oldSelf.direction",
    message = "spec.objective.direction" + Api.IMMUTABLE,
    fieldPath = ".direction")
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
