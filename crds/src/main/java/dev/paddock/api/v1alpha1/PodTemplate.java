package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * A pod template. Only the parts Paddock relies on are typed; the rest of a PodSpec passes through
 * untouched. A fully expanded PodTemplateSpec schema would make the CRD several hundred kilobytes,
 * too large for client-side {@code kubectl apply}.
 */
public record PodTemplate(
    @JsonPropertyDescription("Labels and annotations added to each trial pod.")
        TemplateMetadata metadata,
    @Required @JsonPropertyDescription("A Kubernetes PodSpec; must have a container named trainer.")
        PodSpecTemplate spec) {}
