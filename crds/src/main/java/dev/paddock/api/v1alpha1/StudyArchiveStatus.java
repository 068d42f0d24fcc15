package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** What the study has archived; bounded (the full list is the archive index in the store). */
public record StudyArchiveStatus(
    @JsonPropertyDescription("Trials of this study archived so far.") Integer archived,
    @Size(max = 10)
        @JsonPropertyDescription(
            "Archive URIs of the best archived trials, best first, at most 10; the archive"
                + " index in the store lists every one.")
        List<String> uris,
    @Size(max = 1024)
        @JsonPropertyDescription(
            "Why a trial chosen for the archive is not archived yet (store unreachable, no"
                + " model); empty when every chosen trial is archived.")
        String message) {}
