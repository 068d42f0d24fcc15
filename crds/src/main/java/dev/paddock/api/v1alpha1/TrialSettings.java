package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** How every trial of the study runs. */
public record TrialSettings(
    @Required @Min(1) @Max(100000) @JsonPropertyDescription("Epochs per trial.") Integer epochs,
    @Min(0)
        @Max(100)
        @JsonPropertyDescription(
            "Retries of a failed trial (disruptions such as preemption do not count).")
        Integer maxRetries,
    @Min(1) @JsonPropertyDescription("Checkpoint every this many epochs (default 5).")
        Integer checkpointEveryEpochs,
    @Min(1) @JsonPropertyDescription("Wall-clock limit of one trial attempt, in seconds.")
        Long activeDeadlineSeconds,
    @Size(max = 253)
        @Pattern("^([a-z0-9.-]+/)?[A-Za-z0-9._-]+$")
        @JsonPropertyDescription(
            "Extended resource counted as GPUs for gpuSeconds (default nvidia.com/gpu).")
        String gpuResourceName,
    @Required
        @JsonPropertyDescription(
            "Pod template of a trial; its container named trainer gets the trial's environment.")
        PodTemplate template) {}
