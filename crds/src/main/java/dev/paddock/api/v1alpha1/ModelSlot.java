package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A model in a serving slot. */
public record ModelSlot(
    @JsonPropertyDescription("Trial the model came from.") String trial,
    @JsonPropertyDescription("Trial code.") String code,
    @JsonPropertyDescription("Grade.") Grade grade,
    @JsonPropertyDescription("Objective.") Double objective,
    @JsonPropertyDescription("Archive URI of the model.") String uri,
    @JsonPropertyDescription("When the model entered this slot.") String since) {}
