package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Which trials' artifacts are copied to the archive. */
public record ArchiveSpec(
    @Min(0.0)
        @Max(100.0)
        @JsonPropertyDescription("Archive trials in the top this percent of the study.")
        Double topPercent,
    @JsonPropertyDescription("...and graded at least this.") Grade minGrade) {}
