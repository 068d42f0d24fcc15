package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** What is cleaned up, and when. Archived and deployed trials are never removed. */
public record RetentionSpec(
    @Min(0) @JsonPropertyDescription("Trial objects kept; beyond this the worst are deleted.")
        Integer keepTrials,
    @Min(0) @JsonPropertyDescription("Pods and Jobs of finished trials are removed after this.")
        Long podTTLSeconds,
    @Min(0)
        @JsonPropertyDescription(
            "Artifacts of trials that were not archived are deleted after this.")
        Integer artifactTTLDays,
    @JsonPropertyDescription("Record what would be deleted (Event and status), delete nothing.")
        Boolean dryRun,
    @JsonPropertyDescription("Delete the study's artifacts when the study is deleted.")
        Boolean deleteArtifactsWithStudy) {}
