package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The ModelDeployment that serves this study's best model. */
public record DeploySpec(
    @Required
        @Size(max = 253)
        @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
        @JsonPropertyDescription("Name of the ModelDeployment in this namespace.")
        String modelDeployment,
    @JsonPropertyDescription("Only models graded at least this are promoted.") Grade minGrade) {}
