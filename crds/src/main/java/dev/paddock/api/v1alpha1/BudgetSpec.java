package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** How much a study may spend. Raising maxTrials on a finished study resumes it. */
@ValidationRule(
    value = "!has(self.parallelism) || self.parallelism <= self.maxTrials",
    message = "budget.parallelism must not exceed budget.maxTrials",
    fieldPath = ".parallelism")
public record BudgetSpec(
    @Required @Min(1) @Max(100000) @JsonPropertyDescription("Trials to run in all.")
        Integer maxTrials,
    @Min(1) @Max(1000) @JsonPropertyDescription("Trials running at once (default 1).")
        Integer parallelism,
    @Min(0)
        @JsonPropertyDescription(
            "The study fails once more trials than this have failed (after their retries).")
        Integer maxFailedTrials,
    @Min(0.0) @JsonPropertyDescription("The study stops creating trials after this many GPU hours.")
        Double maxGpuHours) {}
