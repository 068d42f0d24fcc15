package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** Observed state of a study; bounded in size whatever the number of trials. */
public record TrainingStudyStatus(
    @JsonPropertyDescription("Pending, Running, Succeeded, Failed or Suspended.") StudyPhase phase,
    @JsonPropertyDescription("The generation of the spec this status reflects.")
        Long observedGeneration,
    @JsonPropertyDescription(
            "Ready, Succeeded, Failed; Stalled while its reconcile keeps failing (kstatus and"
                + " Argo CD readable).")
        List<Condition> conditions,
    @JsonPropertyDescription("Trials by state.") TrialCounts trials,
    @JsonPropertyDescription("The best trial so far.") BestTrial best,
    @JsonPropertyDescription("For ensemble studies: mean and spread of the members.")
        EnsembleResult ensemble,
    @JsonPropertyDescription("GPU seconds used by this run's trials.") Long gpuSeconds,
    @JsonPropertyDescription(
            "The run this status describes: 1, then one more each time spec.schedule re-runs the"
                + " study; trials, best and GPU seconds are this run's.")
        Integer generation,
    @JsonPropertyDescription("When this run started.") String startTime,
    @JsonPropertyDescription("When this run ended.") String completionTime,
    @JsonPropertyDescription("The schedule tick that started this run (scheduled studies).")
        String lastScheduleTime,
    @JsonPropertyDescription("When the next run is due (scheduled studies).")
        String nextScheduleTime,
    @JsonPropertyDescription("Archived trials (spec.archive).") StudyArchiveStatus archive,
    @JsonPropertyDescription("Retention so far (spec.retention).") StudyRetentionStatus retention) {

  /** This status with other conditions. */
  public TrainingStudyStatus withConditions(List<Condition> replaced) {
    return new TrainingStudyStatus(
        phase,
        observedGeneration,
        replaced,
        trials,
        best,
        ensemble,
        gpuSeconds,
        generation,
        startTime,
        completionTime,
        lastScheduleTime,
        nextScheduleTime,
        archive,
        retention);
  }
}
