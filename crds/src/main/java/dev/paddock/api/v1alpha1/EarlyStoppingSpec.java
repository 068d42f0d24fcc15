package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Stops trials that are unlikely to beat the others. */
public record EarlyStoppingSpec(
    @Required
        @JsonPropertyDescription(
            "none; median (stop a trial whose best so far is worse than the median of other"
                + " trials at the same epoch); asha (asynchronous successive halving).")
        PruningAlgorithm algorithm,
    @Min(1)
        @JsonPropertyDescription("median: trials that must have reported before any is stopped.")
        Integer minTrials,
    @Min(1) @JsonPropertyDescription("median: no trial is stopped before this epoch.")
        Integer startEpoch,
    @JsonPropertyDescription("asha: rung settings.") AshaSettings asha) {}
