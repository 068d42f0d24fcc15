package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Map;

/** Observed state of a trial; the full history lives in the artifact store, not here. */
public record TrialStatus(
    @JsonPropertyDescription("Pending, Running, Succeeded, Failed, Pruned or Preempted.")
        TrialPhase phase,
    @JsonPropertyDescription("Attempts started (retries and disruptions included).")
        Integer attempts,
    @JsonPropertyDescription("Latest epoch reported.") Integer epoch,
    @JsonPropertyDescription("Objective: best value so far.") Double objective,
    @Size(max = 17) @JsonPropertyDescription("The study's metrics, latest and best.")
        Map<String, MetricSummary> metrics,
    @Size(max = 64)
        @JsonPropertyDescription("Objective by epoch as [epoch, value], downsampled to 64 points.")
        List<@Size(min = 2, max = 2) List<Double>> curve,
    @JsonPropertyDescription("Letter grade.") Grade grade,
    @Size(max = 63) @JsonPropertyDescription("Readable trial code.") String code,
    @JsonPropertyDescription("Where the trial's artifacts are (s3:// or file://).")
        String artifacts,
    @JsonPropertyDescription("Archive location, once archived.") String archived,
    @JsonPropertyDescription(
            "GPU seconds used: its GPUs times the seconds from its first pod's binding to a node"
                + " to its end; waiting for a node is not counted.")
        Long gpuSeconds,
    @JsonPropertyDescription("Machine-readable reason of the phase, e.g. PrunedByMedian.")
        String reason,
    @Size(max = 1024) @JsonPropertyDescription("A person-readable explanation of the phase.")
        String message,
    @JsonPropertyDescription("When the trial started running.") String startTime,
    @JsonPropertyDescription("When the trial ended.") String completionTime) {}
