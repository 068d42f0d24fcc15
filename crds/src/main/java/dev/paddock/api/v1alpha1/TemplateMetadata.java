package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/** Metadata copied onto pods rendered from a template. */
public record TemplateMetadata(
    @JsonPropertyDescription("Labels for the pods.") Map<String, String> labels,
    @JsonPropertyDescription("Annotations for the pods.") Map<String, String> annotations) {}
