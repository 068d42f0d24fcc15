package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** An integer parameter range. */
@ValidationRule(value = "self.min < self.max", message = "int range: min must be less than max")
@ValidationRule(
    value = "!has(self.log) || !self.log || self.min > 0",
    message = "int range: log scale needs min > 0")
@ValidationRule(
    value = "!has(self.step) || !has(self.log) || !self.log || self.step == 1",
    message = "int range: a step other than 1 cannot be combined with log")
public record IntRange(
    @Required
        @Min(-Api.EXACT_INTEGER)
        @Max(Api.EXACT_INTEGER)
        @JsonPropertyDescription("Lower bound (inclusive), at most 2^53 in magnitude.")
        Long min,
    @Required
        @Min(-Api.EXACT_INTEGER)
        @Max(Api.EXACT_INTEGER)
        @JsonPropertyDescription("Upper bound (inclusive), at most 2^53 in magnitude.")
        Long max,
    @Min(1) @JsonPropertyDescription("Values are min + k*step (default 1).") Long step,
    @JsonPropertyDescription("Sample on a log scale (min must be > 0).") Boolean log) {}
