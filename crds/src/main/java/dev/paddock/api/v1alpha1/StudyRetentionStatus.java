package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/**
 * What retention has done. Deleted trials leave a record in the artifact store, so the study still
 * counts them and never reuses their names; this is its bounded summary.
 */
public record StudyRetentionStatus(
    @JsonPropertyDescription(
            "Trials deleted beyond keepTrials; still counted by the study (their records stay"
                + " in the artifact store).")
        Integer retired,
    @JsonPropertyDescription("The highest index among deleted trials; never reused.")
        Integer highestRetiredIndex,
    @JsonPropertyDescription("Trials whose artifacts were deleted after artifactTTLDays.")
        Integer artifactsExpired,
    @Size(max = 1024)
        @JsonPropertyDescription(
            "With retention.dryRun: what retention would delete now (nothing is deleted).")
        String dryRun) {}
