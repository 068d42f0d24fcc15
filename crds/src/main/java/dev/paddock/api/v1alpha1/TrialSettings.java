package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * How every trial of the study runs. What a trial computes is fixed once the study exists: its
 * epochs and the trainer container's image, command and args (the code and the data). Retries,
 * checkpoints, deadlines and the rest of the pod template (resources, sidecars, scheduling) are
 * operational and may change.
 */
@ValidationRule(
    value = "self.epochs == oldSelf.epochs",
    message = "spec.trial.epochs" + Api.IMMUTABLE,
    fieldPath = ".epochs")
@ValidationRule(
    value =
        "self.template.spec.containers.filter(c, c.name == 'trainer').map(c, has(c.image) ?"
            + " c.image : '') == oldSelf.template.spec.containers.filter(c, c.name =="
            + " 'trainer').map(c, has(c.image) ? c.image : '')",
    message = "the trainer container's image in spec.trial.template" + Api.IMMUTABLE,
    fieldPath = ".template.spec.containers")
@ValidationRule(
    value =
        "self.template.spec.containers.filter(c, c.name == 'trainer').map(c, has(c.command) ?"
            + " c.command : []) == oldSelf.template.spec.containers.filter(c, c.name =="
            + " 'trainer').map(c, has(c.command) ? c.command : [])",
    message = "the trainer container's command in spec.trial.template" + Api.IMMUTABLE,
    fieldPath = ".template.spec.containers")
@ValidationRule(
    value =
        "self.template.spec.containers.filter(c, c.name == 'trainer').map(c, has(c.args) ?"
            + " c.args : []) == oldSelf.template.spec.containers.filter(c, c.name =="
            + " 'trainer').map(c, has(c.args) ? c.args : [])",
    message = "the trainer container's args in spec.trial.template are" + Api.FIXED,
    fieldPath = ".template.spec.containers")
@ValidationRule(
    value =
        "!has(self.metricsCollector) || self.template.spec.containers.exists(c, c.name =="
            + " 'trainer' && has(c.command) && size(c.command) > 0)",
    message =
        "spec.trial.metricsCollector needs the trainer container's command in"
            + " spec.trial.template: a collected trainer is run by Paddock's launcher, so the"
            + " image's entrypoint must be spelled out",
    fieldPath = ".template.spec.containers")
public record TrialSettings(
    @Required @Min(1) @Max(100000) @JsonPropertyDescription("Epochs per trial.") Integer epochs,
    @Min(0)
        @Max(100)
        @JsonPropertyDescription(
            "Retries of a failed trial (disruptions such as preemption do not count).")
        Integer maxRetries,
    @Min(1) @JsonPropertyDescription("Checkpoint every this many epochs (default 5).")
        Integer checkpointEveryEpochs,
    @Min(1) @JsonPropertyDescription("Wall-clock limit of one trial attempt, in seconds.")
        Long activeDeadlineSeconds,
    @Size(max = 253)
        @Pattern("^([a-z0-9.-]+/)?[A-Za-z0-9._-]+$")
        @JsonPropertyDescription(
            "Extended resource counted as GPUs for gpuSeconds (default nvidia.com/gpu).")
        String gpuResourceName,
    @JsonPropertyDescription(
            "How the trial's per-epoch metrics are collected. Without it the trainer keeps the"
                + " whole contract itself (Paddock's DJL trainer: it reports, checkpoints and"
                + " uploads). With it, each trial's pod gets Paddock's collector as a native"
                + " sidecar, which manages PADDOCK_OUTPUT_DIR (uploaded when the trainer ends) and"
                + " PADDOCK_CHECKPOINT_DIR (synced to the store, restored before a retry), and for"
                + " kind stdout or file reads the metrics; the trainer's command must then be"
                + " given.")
        MetricsCollectorSpec metricsCollector,
    @Required
        @JsonPropertyDescription(
            "Pod template of a trial; its container named trainer gets the trial's environment.")
        PodTemplate template) {}
