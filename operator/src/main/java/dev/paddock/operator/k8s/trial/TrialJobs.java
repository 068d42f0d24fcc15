package dev.paddock.operator.k8s.trial;

import dev.paddock.api.v1alpha1.MetricsCollectorSpec;
import dev.paddock.api.v1alpha1.SchedulingSpec;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialSettings;
import dev.paddock.operator.k8s.ClusterSettings;
import dev.paddock.operator.k8s.Labels;
import dev.paddock.operator.k8s.PodHardening;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicy;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a trial's batch/v1 Job from its study's pod template: the trainer contract's environment,
 * priority and Kueue queue, owner reference and labels, and a pod failure policy under which a
 * disruption (preemption, eviction, node loss) is retried without counting against {@code
 * maxRetries} while a user error (trainer exit code 2) fails at once. The pod gets the {@link
 * PodHardening} defaults (non-root, seccomp RuntimeDefault, no privilege escalation, no
 * capabilities) wherever the template does not choose otherwise.
 */
public final class TrialJobs {

  /** The trainer's exit code for errors that a retry cannot fix (bad data, bad parameters). */
  public static final int USER_ERROR_EXIT_CODE = 2;

  static final String TRAINER = "trainer";

  /** Replace a trial's pod only once it has failed for good: never two pods at once. */
  static final String POD_REPLACEMENT_POLICY = "Failed";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private TrialJobs() {}

  public static Job render(
      TrainingStudy study, Trial trial, ClusterSettings settings, String reportToken) {
    TrialSettings settingsOfTrials = study.getSpec().trial();
    SchedulingSpec scheduling = study.getSpec().scheduling();
    String queue = scheduling == null ? null : scheduling.queueName();
    Map<String, String> labels = labels(study, trial, queue);
    PodTemplateSpec template = podTemplate(study, trial, settings, reportToken, labels);
    return new JobBuilder()
        .withMetadata(
            new ObjectMetaBuilder()
                .withName(trial.getMetadata().getName())
                .withNamespace(trial.getMetadata().getNamespace())
                .withLabels(labels)
                .withOwnerReferences(
                    new OwnerReferenceBuilder()
                        .withApiVersion(trial.getApiVersion())
                        .withKind(trial.getKind())
                        .withName(trial.getMetadata().getName())
                        .withUid(trial.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build())
                .build())
        .withNewSpec()
        .withBackoffLimit(Objects.requireNonNullElse(settingsOfTrials.maxRetries(), 0))
        .withPodFailurePolicy(failurePolicy())
        // A replacement pod starts only once the pod before it has fully ended, never while a
        // terminating one still holds the GPU (the API server defaults a Job with a pod failure
        // policy to it where JobPodReplacementPolicy is on, 1.29+; said here, it does not depend on
        // that default).
        .withPodReplacementPolicy(POD_REPLACEMENT_POLICY)
        .withActiveDeadlineSeconds(settingsOfTrials.activeDeadlineSeconds())
        // No ttlSecondsAfterFinished here: the study sets it once the trial has recorded its
        // ending (k8s/study/JobTtl), so a short podTTLSeconds cannot remove the pods whose
        // termination message holds the final metrics before the trial has read them.
        .withSuspend(queue != null ? Boolean.TRUE : null)
        .withTemplate(template)
        .endSpec()
        .build();
  }

  private static Map<String, String> labels(TrainingStudy study, Trial trial, String queue) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(Labels.STUDY, study.getMetadata().getName());
    labels.put(Labels.TRIAL, trial.getMetadata().getName());
    labels.put(Labels.MANAGED_BY, Labels.MANAGER);
    if (queue != null) {
      labels.put(Labels.KUEUE_QUEUE, queue);
    }
    return labels;
  }

  private static PodTemplateSpec podTemplate(
      TrainingStudy study,
      Trial trial,
      ClusterSettings settings,
      String token,
      Map<String, String> labels) {
    PodTemplateSpec template =
        SERIALIZATION.convertValue(study.getSpec().trial().template(), PodTemplateSpec.class);
    if (template.getMetadata() == null) {
      template.setMetadata(new ObjectMetaBuilder().build());
    }
    Map<String, String> podLabels =
        new LinkedHashMap<>(
            Objects.requireNonNullElse(template.getMetadata().getLabels(), Map.of()));
    podLabels.putAll(labels);
    template.getMetadata().setLabels(podLabels);
    // The pod failure policy needs Never; the Job controller, not the kubelet, retries.
    template.getSpec().setRestartPolicy("Never");
    SchedulingSpec scheduling = study.getSpec().scheduling();
    if (scheduling != null && scheduling.priorityClassName() != null) {
      template.getSpec().setPriorityClassName(scheduling.priorityClassName());
    }
    Container trainer =
        template.getSpec().getContainers().stream()
            .filter(c -> TRAINER.equals(c.getName()))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the pod template has no container named trainer"));
    List<EnvVar> contract = TrialEnvironment.of(study, trial, settings, token);
    Set<String> injected = contract.stream().map(EnvVar::getName).collect(Collectors.toSet());
    List<EnvVar> env = new ArrayList<>();
    // A template variable the contract also sets would shadow it: Paddock's win. The trainer's
    // other settings (PADDOCK_THREADS, PADDOCK_WORK_DIR, ...) are the template's to give.
    Objects.requireNonNullElse(trainer.getEnv(), List.<EnvVar>of()).stream()
        .filter(e -> !injected.contains(e.getName()))
        .forEach(env::add);
    env.addAll(contract);
    trainer.setEnv(env);
    if (trainer.getTerminationMessagePolicy() == null) {
      trainer.setTerminationMessagePolicy("FallbackToLogsOnError");
    }
    MetricsCollectorSpec collector = study.getSpec().trial().metricsCollector();
    if (CollectorSidecar.wanted(collector)) {
      CollectorSidecar.attach(
          template.getSpec(), trainer, collector, contract, settings.collectorImage());
    }
    PodHardening.apply(template.getSpec());
    return template;
  }

  private static PodFailurePolicy failurePolicy() {
    return new PodFailurePolicyBuilder()
        .addNewRule()
        .withAction("Ignore")
        .addNewOnPodCondition()
        .withType("DisruptionTarget")
        .withStatus("True")
        .endOnPodCondition()
        .endRule()
        .addNewRule()
        .withAction("FailJob")
        .withNewOnExitCodes()
        .withContainerName(TRAINER)
        .withOperator("In")
        .withValues(USER_ERROR_EXIT_CODE)
        .endOnExitCodes()
        .endRule()
        .build();
  }
}
