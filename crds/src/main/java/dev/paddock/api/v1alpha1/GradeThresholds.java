package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** The objective a trial must reach for each grade; below D is F. */
public record GradeThresholds(
    @JsonProperty("S") @Required @JsonPropertyDescription("Threshold for S.") Double S,
    @JsonProperty("A") @Required @JsonPropertyDescription("Threshold for A.") Double A,
    @JsonProperty("B") @Required @JsonPropertyDescription("Threshold for B.") Double B,
    @JsonProperty("C") @Required @JsonPropertyDescription("Threshold for C.") Double C,
    @JsonProperty("D") @Required @JsonPropertyDescription("Threshold for D.") Double D) {}
