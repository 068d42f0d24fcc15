package dev.paddock.operator.k8s.trial;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.api.v1alpha1.TrialStatus;
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
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a trial as a Job and records how it ends. Thin: the Job comes from {@link TrialJobs}, the
 * ending from {@link JobOutcome}, the grade and code from {@link TrialFinisher}. Idempotent: the
 * Job's name is the trial's, so a retried reconcile finds the Job it created. Reads come from
 * informer caches (a study's trials can be thousands and its pods hundreds at once); status writes
 * are optimistic ({@link TrialStatusWriter}), so a stale cache costs a refused write and a read,
 * never a lost update. The server is read only when the caches cannot tell (a pod cache behind its
 * Job's end, a Job gone).
 */
@ControllerConfiguration(name = "trial")
public final class TrialReconciler implements Reconciler<Trial> {

  private static final String BY_STUDY = "study";

  private final ClusterSettings settings;
  private final ReportTokens tokens;
  private final Clock clock;

  private final Consumer<TrialRef> onFinished;

  // Read by key rather than through Context.getSecondaryResource, which gathers the match into a
  // hash set first, and hashing a Job or a study walks all of it.
  private InformerEventSource<Job, Trial> jobs;
  private InformerEventSource<TrainingStudy, Trial> studies;

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
   * The trial's Job and pods (the changes that can change its status reconcile it), and its study,
   * a cache only (a study's status changes often and is no concern of its trials); and an index of
   * trials by study.
   */
  @Override
  public List<EventSource<?, Trial>> prepareEventSources(EventSourceContext<Trial> context) {
    context.getPrimaryCache().addIndexer(BY_STUDY, t -> List.of(studyKey(t)));
    jobs =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Job.class, Trial.class)
                .withOnUpdateFilter(TrialEventFilters::jobUpdateMatters)
                .build(),
            context);
    studies =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(TrainingStudy.class, Trial.class)
                .withPrimaryToSecondaryMapper((Trial t) -> Set.of(studyOf(t)))
                .withSecondaryToPrimaryMapper(study -> Set.of())
                .build(),
            context);
    return List.of(
        jobs,
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Pod.class, Trial.class)
                .withLabelSelector(Labels.MANAGED_BY + "=" + Labels.MANAGER)
                .withSecondaryToPrimaryMapper(TrialReconciler::trialOfPod)
                .withOnUpdateFilter(TrialEventFilters::podUpdateMatters)
                .build(),
            context),
        studies);
  }

  private static Set<ResourceID> trialOfPod(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    String trial = labels == null ? null : labels.get(Labels.TRIAL);
    return trial == null
        ? Set.of()
        : Set.of(new ResourceID(trial, pod.getMetadata().getNamespace()));
  }

  private static ResourceID studyOf(Trial trial) {
    return new ResourceID(trial.getSpec().study(), trial.getMetadata().getNamespace());
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
        studies
            .get(studyOf(trial))
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
    // The Job's name is the trial's.
    Job job = jobs.get(ResourceID.fromResource(trial)).orElse(null);
    if (job == null && status.attempts != null && finishedOnServer(client, trial)) {
      // Retention removed the Job of a trial that has ended (podTTLSeconds); the informer had not
      // seen the ending yet. Never run a finished trial again.
      return UpdateControl.noUpdate();
    }
    if (job == null) {
      createJob(client, study, trial);
      recordJobCreated(trial, Objects.requireNonNullElse(status.attempts, 0) + 1, context);
      return UpdateControl.noUpdate();
    }
    if (!JobOutcome.ended(job)) {
      return running(
          context, trial, PodHistory.of(List.copyOf(context.getSecondaryResources(Pod.class))));
    }
    return finish(context, study, trial, job);
  }

  /** The Job has ended: the trial's final status, once, from its Job and pods. */
  private UpdateControl<Trial> finish(
      Context<Trial> context, TrainingStudy study, Trial trial, Job job) {
    KubernetesClient client = context.getClient();
    String namespace = trial.getMetadata().getNamespace();
    JobOutcome outcome = JobOutcome.of(job, endedPods(context, job, trial));
    List<Trial> siblings = context.getPrimaryCache().byIndex(BY_STUDY, studyKey(trial));
    TrialFinisher finisher = new TrialFinisher(study, settings.gpuResource(), clock);
    // Optimistic locking finishes the trial once, and never over the report endpoint's writes
    // (the pruning reason, the latest curve) that the informer may not have seen yet.
    Optional<Trial> finished =
        TrialStatusWriter.write(
            trial,
            context,
            current -> {
              TrialStatusDraft status = TrialStatusDraft.of(current.getStatus());
              if (isFinished(status.phase)) {
                return Optional.empty();
              }
              finisher.finish(current, status, outcome, siblings);
              return Optional.of(status.build());
            });
    if (finished.isEmpty()) {
      return UpdateControl.noUpdate();
    }
    onFinished.accept(new TrialRef(namespace, trial.getMetadata().getName()));
    long endedBefore =
        siblings.stream()
            .filter(t -> !t.getMetadata().getName().equals(trial.getMetadata().getName()))
            .filter(t -> t.getStatus() != null && isFinished(t.getStatus().phase()))
            .count();
    TrialStatus status = finished.get().getStatus();
    if (TrialEndEvents.recorded(status.phase(), endedBefore)) {
      announce(client, trial, status);
    }
    return UpdateControl.noUpdate();
  }

  /**
   * The trial's pods as the informer has them when they already show how the Job ended; otherwise
   * (the pod cache can lag the Job's) the server's.
   */
  private static List<Pod> endedPods(Context<Trial> context, Job job, Trial trial) {
    List<Pod> cached = List.copyOf(context.getSecondaryResources(Pod.class));
    if (JobOutcome.podsShowEnd(job, cached)) {
      return cached;
    }
    return context
        .getClient()
        .pods()
        .inNamespace(trial.getMetadata().getNamespace())
        .withLabel(Labels.TRIAL, trial.getMetadata().getName())
        .list()
        .getItems();
  }

  private static boolean finishedOnServer(KubernetesClient client, Trial trial) {
    Trial current = TrialStatusWriter.serverCopy(client, trial);
    return current == null
        || (current.getStatus() != null && isFinished(current.getStatus().phase()));
  }

  private void announce(KubernetesClient client, Trial trial, TrialStatus status) {
    KubeEvents events = new KubeEvents(client, clock);
    String summary =
        status.phase()
            + (status.code() == null ? "" : " " + status.code())
            + ": "
            + status.message();
    if (status.phase() == TrialPhase.Failed) {
      events.warning(trial, status.reason(), summary);
    } else {
      events.normal(trial, status.reason(), summary);
    }
  }

  /** The Job of attempt number {@code attempt} exists: the trial waits for its pod. */
  private void recordJobCreated(Trial trial, int attempt, Context<Trial> context) {
    String artifacts =
        TrialEnvironment.artifacts(settings, trial.getMetadata().getNamespace(), trial);
    TrialStatusWriter.write(
        trial,
        context,
        current -> {
          TrialStatusDraft status = TrialStatusDraft.of(current.getStatus());
          boolean recorded = status.attempts != null && status.attempts >= attempt;
          if (isFinished(status.phase) || (recorded && status.phase != null)) {
            return Optional.empty();
          }
          status.phase = TrialPhase.Pending;
          status.attempts = attempt;
          status.artifacts = artifacts;
          status.reason = "JobCreated";
          status.message = "waiting for the trial's pod";
          return Optional.of(status.build());
        });
  }

  private UpdateControl<Trial> running(Context<Trial> context, Trial trial, PodHistory pods) {
    TrialPhase phase =
        pods.running()
            ? TrialPhase.Running
            : pods.disruptions() > 0 ? TrialPhase.Preempted : TrialPhase.Pending;
    // Nothing to write (no new phase or attempt) is decided from the cached copy, with no request.
    TrialStatusWriter.write(
        trial,
        context,
        current -> {
          TrialStatusDraft status = TrialStatusDraft.of(current.getStatus());
          if (isFinished(status.phase) || !changes(status, phase, pods)) {
            return Optional.empty();
          }
          boolean stopDecided = "Pruned".equals(status.reason);
          int attempts = Math.max(Objects.requireNonNullElse(status.attempts, 1), pods.attempts());
          status.phase = phase;
          status.attempts = attempts;
          if (phase == TrialPhase.Running && status.startTime == null) {
            status.startTime = clock.instant().toString();
          }
          if (!stopDecided) {
            explain(status, phase, attempts, pods);
          }
          return Optional.of(status.build());
        });
    return UpdateControl.noUpdate();
  }

  /** Whether the pods say something the status does not: a new phase or a new attempt. */
  private static boolean changes(TrialStatusDraft status, TrialPhase phase, PodHistory pods) {
    int attempts = Math.max(Objects.requireNonNullElse(status.attempts, 1), pods.attempts());
    boolean sameAttempt = Objects.equals(attempts, status.attempts);
    if (phase == status.phase && sameAttempt) {
      return false;
    }
    // Its pod has ended but the Job controller has not said so yet: not Pending again, and no
    // write; the Job's end comes next.
    return !(phase == TrialPhase.Pending && status.phase == TrialPhase.Running && sameAttempt);
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

  static boolean isFinished(TrialPhase phase) {
    return phase == TrialPhase.Succeeded
        || phase == TrialPhase.Failed
        || phase == TrialPhase.Pruned;
  }
}
