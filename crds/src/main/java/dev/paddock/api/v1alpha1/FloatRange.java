package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** A real-valued parameter range. */
@ValidationRule(value = "self.min < self.max", message = "float range: min must be less than max")
@ValidationRule(
    value = "!has(self.log) || !self.log || self.min > 0.0",
    message = "float range: log scale needs min > 0")
@ValidationRule(
    value = "!has(self.step) || self.step > 0.0",
    message = "float range: step must be positive")
@ValidationRule(
    value = "!has(self.step) || !has(self.log) || !self.log",
    message = "float range: step and log cannot be combined")
public record FloatRange(
    @Required @JsonPropertyDescription("Lower bound (inclusive).") Double min,
    @Required @JsonPropertyDescription("Upper bound (inclusive).") Double max,
    @JsonPropertyDescription("Sample on a log scale (min must be > 0).") Boolean log,
    @JsonPropertyDescription("Discretize to min + k*step; required for grid search.")
        Double step) {}
