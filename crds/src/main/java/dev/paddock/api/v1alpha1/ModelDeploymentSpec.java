package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Which model to serve, the gates a new one must pass, and how it is served. */
public record ModelDeploymentSpec(
    @Required @JsonPropertyDescription("A study to follow, or a pinned model.") ModelSource source,
    @JsonPropertyDescription("Conditions a model must meet to be promoted.") PromotionGates gates,
    @JsonPropertyDescription("Replicas and pod template of the serving Deployment.")
        ServingSpec serving,
    @JsonPropertyDescription("Rollout deadline and canary.") RolloutSpec rollout) {}
