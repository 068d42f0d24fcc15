package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
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
    value = "!has(self.step) || self.step <= 0.0 || (self.max - self.min) / self.step <= 1e15",
    message = "float range: step must leave at most 10^15 steps between min and max")
@ValidationRule(
    value = "!has(self.step) || !has(self.log) || !self.log",
    message = "float range: step and log cannot be combined")
public record FloatRange(
    @Required
        @Min(-Api.LARGEST_BOUND)
        @Max(Api.LARGEST_BOUND)
        @JsonPropertyDescription("Lower bound (inclusive), at most 1e18 in magnitude.")
        Double min,
    @Required
        @Min(-Api.LARGEST_BOUND)
        @Max(Api.LARGEST_BOUND)
        @JsonPropertyDescription("Upper bound (inclusive), at most 1e18 in magnitude.")
        Double max,
    @JsonPropertyDescription("Sample on a log scale (min must be > 0).") Boolean log,
    @JsonPropertyDescription("Discretize to min + k*step; required for grid search.")
        Double step) {}
