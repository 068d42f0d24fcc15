package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** Where trial pods queue on a shared cluster. */
public record SchedulingSpec(
    @Size(max = 253) @JsonPropertyDescription("PriorityClass of the trial pods (preemption order).")
        String priorityClassName,
    @Size(max = 63)
        @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
        @JsonPropertyDescription(
            "Kueue LocalQueue: trial Jobs are created suspended with the"
                + " kueue.x-k8s.io/queue-name label and start when Kueue admits them.")
        String queueName) {}
