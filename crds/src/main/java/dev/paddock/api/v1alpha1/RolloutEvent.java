package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One promotion, refusal or rollback. */
public record RolloutEvent(
    @JsonPropertyDescription("Promoted, Refused, RolledBack, CanaryStarted or CanaryFailed.")
        String action,
    @JsonPropertyDescription("Trial code concerned.") String code,
    @JsonPropertyDescription("Why.") String reason,
    @JsonPropertyDescription("When.") String time) {}
