package dev.paddock.operator.k8s.trial;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.operator.k8s.ClusterSettings;
import dev.paddock.operator.k8s.KubeEvents;
import dev.paddock.operator.k8s.Labels;
import dev.paddock.operator.report.ReportTokens;
import dev.paddock.operator.report.TrialRef;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs a trial as a Job and records how it ends. Thin: the Job comes from {@link TrialJobs}, the
 * ending from {@link JobOutcome}, the grade and code from {@link TrialFinisher}. Idempotent: the
 * Job's name is the trial's, so a retried reconcile finds the Job it created.
 */
@ControllerConfiguration(name = "trial")
public final class TrialReconciler implements Reconciler<Trial> {

  private final ClusterSettings settings;
  private final ReportTokens tokens;
  private final Clock clock;

  private final Consumer<TrialRef> onFinished;

  /**
   * @param onFinished told when a trial has ended (the report endpoint forgets its progress)
   */
  public TrialReconciler(
      ClusterSettings settings, ReportTokens tokens, Clock clock, Consumer<TrialRef> onFinished) {
    this.onFinished = onFinished;
    this.settings = settings;
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, Trial>> prepareEventSources(EventSourceContext<Trial> context) {
    return List.of(
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Job.class, Trial.class).build(), context));
  }

  @Override
  public UpdateControl<Trial> reconcile(Trial trial, Context<Trial> context) {
    TrialStatusDraft status = TrialStatusDraft.of(trial.getStatus());
    if (isFinished(status.phase)) {
      return UpdateControl.noUpdate();
    }
    KubernetesClient client = context.getClient();
    String namespace = trial.getMetadata().getNamespace();
    TrainingStudy study =
        client
            .resources(TrainingStudy.class)
            .inNamespace(namespace)
            .withName(trial.getSpec().study())
            .get();
    if (study == null) {
      return UpdateControl.noUpdate();
    }
    Job job = context.getSecondaryResource(Job.class).orElse(null);
    if (job == null && status.attempts != null && finishedOnServer(client, trial)) {
      // Retention removed the Job of a trial that has ended (podTTLSeconds); the informer had not
      // seen the ending yet. Never run a finished trial again.
      return UpdateControl.noUpdate();
    }
    if (job == null) {
      createJob(client, study, trial);
      status.phase = TrialPhase.Pending;
      status.attempts = Objects.requireNonNullElse(status.attempts, 0) + 1;
      status.artifacts = TrialEnvironment.artifacts(settings, namespace, trial);
      status.reason = "JobCreated";
      status.message = "waiting for the trial's pod";
      return patch(trial, status);
    }
    List<Pod> pods =
        client
            .pods()
            .inNamespace(namespace)
            .withLabel(Labels.TRIAL, trial.getMetadata().getName())
            .list()
            .getItems();
    JobOutcome outcome = JobOutcome.of(job, pods);
    if (!outcome.finished()) {
      return running(client, trial, status, PodHistory.of(pods));
    }
    // The informer may not have seen our last status write yet: finish once, from the server's
    // copy.
    Trial current =
        client
            .resources(Trial.class)
            .inNamespace(namespace)
            .withName(trial.getMetadata().getName())
            .get();
    if (current == null
        || (current.getStatus() != null && isFinished(current.getStatus().phase()))) {
      return UpdateControl.noUpdate();
    }
    List<Trial> siblings =
        client
            .resources(Trial.class)
            .inNamespace(namespace)
            .withLabel(Labels.STUDY, study.getMetadata().getName())
            .list()
            .getItems();
    // Finish from the server's copy too: the report endpoint's writes (the pruning reason, the
    // latest curve) may not have reached the informer's, and this patch would undo them.
    status = TrialStatusDraft.of(current.getStatus());
    new TrialFinisher(study, settings.gpuResource(), clock)
        .finish(trial, status, outcome, siblings);
    onFinished.accept(new TrialRef(namespace, trial.getMetadata().getName()));
    KubeEvents events = new KubeEvents(client, clock);
    String summary =
        status.phase + (status.code == null ? "" : " " + status.code) + ": " + status.message;
    if (status.phase == TrialPhase.Failed) {
      events.warning(trial, status.reason, summary);
    } else {
      events.normal(trial, status.reason, summary);
    }
    return patch(trial, status);
  }

  private static boolean finishedOnServer(KubernetesClient client, Trial trial) {
    Trial current =
        client
            .resources(Trial.class)
            .inNamespace(trial.getMetadata().getNamespace())
            .withName(trial.getMetadata().getName())
            .get();
    return current == null
        || (current.getStatus() != null && isFinished(current.getStatus().phase()));
  }

  private UpdateControl<Trial> running(
      KubernetesClient client, Trial trial, TrialStatusDraft cached, PodHistory pods) {
    TrialPhase phase =
        pods.running()
            ? TrialPhase.Running
            : pods.disruptions() > 0 ? TrialPhase.Preempted : TrialPhase.Pending;
    int attempts = Math.max(Objects.requireNonNullElse(cached.attempts, 1), pods.attempts());
    if (phase == cached.phase && Objects.equals(attempts, cached.attempts)) {
      return UpdateControl.noUpdate();
    }
    // The report endpoint writes epochs and its stop decision beside this reconciler, and this
    // patch (the whole status) must not undo them: start from the server's copy.
    TrialStatusDraft status = serverStatus(client, trial, cached);
    boolean stopDecided = "Pruned".equals(status.reason);
    status.phase = phase;
    status.attempts = attempts;
    if (!stopDecided) {
      explain(status, phase, attempts, pods);
    }
    if (phase == TrialPhase.Running && status.startTime == null) {
      status.startTime = clock.instant().toString();
    }
    return patch(trial, status);
  }

  private static TrialStatusDraft serverStatus(
      KubernetesClient client, Trial trial, TrialStatusDraft cached) {
    Trial current =
        client
            .resources(Trial.class)
            .inNamespace(trial.getMetadata().getNamespace())
            .withName(trial.getMetadata().getName())
            .get();
    return current == null ? cached : TrialStatusDraft.of(current.getStatus());
  }

  private static void explain(
      TrialStatusDraft status, TrialPhase phase, int attempts, PodHistory pods) {
    switch (phase) {
      case Running -> {
        status.reason = "Running";
        status.message = "the trainer is running (attempt " + attempts + ")";
      }
      case Preempted -> {
        status.reason = "Preempted";
        status.message =
            "disrupted "
                + pods.disruptions()
                + " time(s), latest: "
                + pods.disruption().orElse("DisruptionTarget")
                + "; retried without counting as a failure, resuming from the last checkpoint";
      }
      default -> {
        status.reason = "Pending";
        status.message = "waiting for the trial's pod";
      }
    }
  }

  private void createJob(KubernetesClient client, TrainingStudy study, Trial trial) {
    String token =
        tokens.issue(
            new TrialRef(trial.getMetadata().getNamespace(), trial.getMetadata().getName()));
    try {
      client.batch().v1().jobs().resource(TrialJobs.render(study, trial, settings, token)).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
  }

  private static UpdateControl<Trial> patch(Trial trial, TrialStatusDraft status) {
    Trial fresh = new Trial();
    fresh.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName(trial.getMetadata().getName())
            .withNamespace(trial.getMetadata().getNamespace())
            .build());
    fresh.setStatus(status.build());
    return UpdateControl.patchStatus(fresh);
  }

  static boolean isFinished(TrialPhase phase) {
    return phase == TrialPhase.Succeeded
        || phase == TrialPhase.Failed
        || phase == TrialPhase.Pruned;
  }
}
