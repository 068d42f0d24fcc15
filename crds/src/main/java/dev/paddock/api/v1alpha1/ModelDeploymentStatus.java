package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** Observed state of a ModelDeployment. */
public record ModelDeploymentStatus(
    @JsonPropertyDescription("The generation of the spec this status reflects.")
        Long observedGeneration,
    @JsonPropertyDescription("Primary and backup models.") ModelSlots slots,
    @JsonPropertyDescription(
            "The candidate running beside the primary before its promotion (rollout.canary).")
        ModelSlot canary,
    @Size(max = 20) @JsonPropertyDescription("Latest rollout events, newest first (at most 20).")
        List<RolloutEvent> history,
    @Size(max = 20)
        @JsonPropertyDescription(
            "Codes of models rolled back (or whose canary failed) because they did not become"
                + " available in time, newest first (at most 20); never promoted again from the"
                + " study.")
        List<String> failedModels,
    @JsonPropertyDescription(
            "Ready, Progressing, RolledBack; Stalled while its reconcile keeps failing.")
        List<Condition> conditions) {

  /** This status with other conditions. */
  public ModelDeploymentStatus withConditions(List<Condition> replaced) {
    return new ModelDeploymentStatus(
        observedGeneration, slots, canary, history, failedModels, replaced);
  }
}
