package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** Observed state of a study; bounded in size whatever the number of trials. */
public record TrainingStudyStatus(
    @JsonPropertyDescription("Pending, Running, Succeeded, Failed or Suspended.") StudyPhase phase,
    @JsonPropertyDescription("The generation of the spec this status reflects.")
        Long observedGeneration,
    @JsonPropertyDescription("Ready, Succeeded, Failed (kstatus and Argo CD readable).")
        List<Condition> conditions,
    @JsonPropertyDescription("Trials by state.") TrialCounts trials,
    @JsonPropertyDescription("The best trial so far.") BestTrial best,
    @JsonPropertyDescription("For ensemble studies: mean and spread of the members.")
        EnsembleResult ensemble,
    @JsonPropertyDescription("GPU seconds used by all trials.") Long gpuSeconds,
    @JsonPropertyDescription("Runs of a scheduled study (spec.schedule) so far.")
        Integer generation,
    @JsonPropertyDescription("When the study started.") String startTime,
    @JsonPropertyDescription("When the study ended.") String completionTime,
    @JsonPropertyDescription("Archived trials (spec.archive).") StudyArchiveStatus archive,
    @JsonPropertyDescription("Retention so far (spec.retention).")
        StudyRetentionStatus retention) {}
