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
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a trial as a Job and records how it ends. Thin: the Job comes from {@link TrialJobs}, the
 * ending from {@link JobOutcome}, the grade and code from {@link TrialFinisher}. Idempotent: the
 * Job's name is the trial's, so a retried reconcile finds the Job it created. Reads come from
 * informer caches (a study's trials can be thousands and its pods hundreds at once), except the few
 * that finishing a trial needs to be exact.
 */
@ControllerConfiguration(name = "trial")
public final class TrialReconciler implements Reconciler<Trial> {

  private static final String BY_STUDY = "study";

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

  /**
   * The trial's Job and pods (their changes reconcile it), and its study, a cache only (a study's
   * status changes often and is no concern of its trials); and an index of trials by study. So a
   * reconcile reads from caches, not from the API server, except when it finishes a trial.
   */
  @Override
  public List<EventSource<?, Trial>> prepareEventSources(EventSourceContext<Trial> context) {
    context.getPrimaryCache().addIndexer(BY_STUDY, t -> List.of(studyKey(t)));
    return List.of(
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Job.class, Trial.class).build(), context),
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Pod.class, Trial.class)
                .withLabelSelector(Labels.MANAGED_BY + "=" + Labels.MANAGER)
                .withSecondaryToPrimaryMapper(TrialReconciler::trialOfPod)
                .build(),
            context),
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(TrainingStudy.class, Trial.class)
                .withPrimaryToSecondaryMapper(
                    (Trial t) ->
                        Set.of(new ResourceID(t.getSpec().study(), t.getMetadata().getNamespace())))
                .withSecondaryToPrimaryMapper(study -> Set.of())
                .build(),
            context));
  }

  private static Set<ResourceID> trialOfPod(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    String trial = labels == null ? null : labels.get(Labels.TRIAL);
    return trial == null
        ? Set.of()
        : Set.of(new ResourceID(trial, pod.getMetadata().getNamespace()));
  }

  private static String studyKey(Trial trial) {
    return trial.getMetadata().getNamespace() + "/" + trial.getSpec().study();
  }

  @Override
  public UpdateControl<Trial> reconcile(Trial trial, Context<Trial> context) {
    TrialStatusDraft status = TrialStatusDraft.of(trial.getStatus());
    if (isFinished(status.phase)) {
      return UpdateControl.noUpdate();
    }
    KubernetesClient client = context.getClient();
    String namespace = trial.getMetadata().getNamespace();
    // A study created a moment ago may not be in the cache yet: then read it from the server.
    TrainingStudy study =
        context
            .getSecondaryResource(TrainingStudy.class)
            .orElseGet(
                () ->
                    client
                        .resources(TrainingStudy.class)
                        .inNamespace(namespace)
                        .withName(trial.getSpec().study())
                        .get());
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
      return patch(trial, status, context);
    }
    if (!JobOutcome.ended(job)) {
      return running(
          context,
          trial,
          status,
          PodHistory.of(List.copyOf(context.getSecondaryResources(Pod.class))));
    }
    return finish(context, study, trial, job);
  }

  /** The Job has ended: the trial's final status, from the server's copies of it and its pods. */
  private UpdateControl<Trial> finish(
      Context<Trial> context, TrainingStudy study, Trial trial, Job job) {
    KubernetesClient client = context.getClient();
    String namespace = trial.getMetadata().getNamespace();
    // The pod cache may lag the Job's: the summary comes from the server's pods.
    List<Pod> pods =
        client
            .pods()
            .inNamespace(namespace)
            .withLabel(Labels.TRIAL, trial.getMetadata().getName())
            .list()
            .getItems();
    JobOutcome outcome = JobOutcome.of(job, pods);
    // The informer may not have seen our last status write yet: finish once, from the server's
    // copy.
    Trial current = read(client, trial);
    if (current == null
        || (current.getStatus() != null && isFinished(current.getStatus().phase()))) {
      return UpdateControl.noUpdate();
    }
    List<Trial> siblings = context.getPrimaryCache().byIndex(BY_STUDY, studyKey(trial));
    // Finish from the server's copy too: the report endpoint's writes (the pruning reason, the
    // latest curve) may not have reached the informer's, and this patch would undo them.
    TrialStatusDraft status = TrialStatusDraft.of(current.getStatus());
    new TrialFinisher(study, settings.gpuResource(), clock)
        .finish(trial, status, outcome, siblings);
    onFinished.accept(new TrialRef(namespace, trial.getMetadata().getName()));
    long endedBefore =
        siblings.stream()
            .filter(t -> !t.getMetadata().getName().equals(trial.getMetadata().getName()))
            .filter(t -> t.getStatus() != null && isFinished(t.getStatus().phase()))
            .count();
    if (TrialEndEvents.recorded(status.phase, endedBefore)) {
      announce(client, trial, status);
    }
    return patch(current, status, context);
  }

  private static boolean finishedOnServer(KubernetesClient client, Trial trial) {
    Trial current = read(client, trial);
    return current == null
        || (current.getStatus() != null && isFinished(current.getStatus().phase()));
  }

  private static Trial read(KubernetesClient client, Trial trial) {
    return client
        .resources(Trial.class)
        .inNamespace(trial.getMetadata().getNamespace())
        .withName(trial.getMetadata().getName())
        .get();
  }

  private void announce(KubernetesClient client, Trial trial, TrialStatusDraft status) {
    KubeEvents events = new KubeEvents(client, clock);
    String summary =
        status.phase + (status.code == null ? "" : " " + status.code) + ": " + status.message;
    if (status.phase == TrialPhase.Failed) {
      events.warning(trial, status.reason, summary);
    } else {
      events.normal(trial, status.reason, summary);
    }
  }

  private UpdateControl<Trial> running(
      Context<Trial> context, Trial trial, TrialStatusDraft cached, PodHistory pods) {
    TrialPhase phase =
        pods.running()
            ? TrialPhase.Running
            : pods.disruptions() > 0 ? TrialPhase.Preempted : TrialPhase.Pending;
    int attempts = Math.max(Objects.requireNonNullElse(cached.attempts, 1), pods.attempts());
    boolean sameAttempt = Objects.equals(attempts, cached.attempts);
    if (phase == cached.phase && sameAttempt) {
      return UpdateControl.noUpdate();
    }
    // Its pod has ended but the Job controller has not said so yet: not Pending again, and no
    // write; the Job's end comes next.
    if (phase == TrialPhase.Pending && cached.phase == TrialPhase.Running && sameAttempt) {
      return UpdateControl.noUpdate();
    }
    // The report endpoint writes epochs and its stop decision beside this reconciler, and this
    // patch (the whole status) must not undo them: start from the server's copy (one read per
    // phase change).
    Trial current = read(context.getClient(), trial);
    Trial base = current == null ? trial : current;
    TrialStatusDraft status = current == null ? cached : TrialStatusDraft.of(current.getStatus());
    boolean stopDecided = "Pruned".equals(status.reason);
    status.phase = phase;
    status.attempts = attempts;
    if (phase == TrialPhase.Running && status.startTime == null) {
      status.startTime = clock.instant().toString();
    }
    if (!stopDecided) {
      explain(status, phase, attempts, pods);
    }
    return patch(base, status, context);
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

  /**
   * Writes the status (server-side apply, optimistic locking) and puts the result in the cache at
   * once, so that the reconcile a pod or Job event brings a moment later sees this write instead of
   * writing the same status again.
   */
  private static UpdateControl<Trial> patch(
      Trial trial, TrialStatusDraft status, Context<Trial> context) {
    Trial fresh = new Trial();
    fresh.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName(trial.getMetadata().getName())
            .withNamespace(trial.getMetadata().getNamespace())
            .build());
    fresh.setStatus(status.build());
    PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(trial, fresh, context);
    return UpdateControl.noUpdate();
  }

  static boolean isFinished(TrialPhase phase) {
    return phase == TrialPhase.Succeeded
        || phase == TrialPhase.Failed
        || phase == TrialPhase.Pruned;
  }
}
