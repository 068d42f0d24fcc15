package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The serving slots: primary serves; backup is where a failed rollout returns to. */
public record ModelSlots(
    @JsonPropertyDescription("The model being served.") ModelSlot primary,
    @JsonPropertyDescription("The previous primary.") ModelSlot backup) {}
