package dev.paddock.operator.k8s.trial;

import dev.paddock.api.v1alpha1.SchedulingSpec;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.operator.epochreport.ReportTokens;
import dev.paddock.operator.epochreport.TrialRef;
import dev.paddock.operator.k8s.ClusterSettings;
import dev.paddock.operator.k8s.KubeEvents;
import dev.paddock.operator.k8s.ReconcileErrors;
import dev.paddock.operator.k8s.ReconcileRetry;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a trial as a Job and records how it ends. Thin: the Job comes from {@link TrialJobs}, the
 * ending from {@link TrialEnd} (the outcome from {@link JobOutcome}, the grade and code from {@link
 * TrialFinisher}), the progress in between from {@link TrialProgress}. Idempotent: the Job's name
 * is the trial's, so a retried reconcile finds the Job it created. The trial's Job and study come
 * from informer caches; its pods are read from the server only when its Job says they changed and
 * cannot tell alone ({@link JobProgress}: stopped, ended, or started again), usually one read in a
 * trial's life where a pod watch cost a dozen events. A trial's first status write is Running when
 * its pod starts within {@link #PENDING_GRACE}, and Pending, with what holds it up, when it does
 * not. Status writes are optimistic ({@link TrialStatusWriter}), so a stale cache costs a refused
 * write and a read, never a lost update.
 */
@ControllerConfiguration(name = "trial")
public final class TrialReconciler implements Reconciler<Trial> {

  private static final String BY_STUDY = "study";

  /** How long a new trial's pod has to start before its trial is written Pending, with why. */
  public static final Duration PENDING_GRACE = Duration.ofSeconds(10);

  private static final Duration SOONEST_RECHECK = Duration.ofSeconds(1);

  /** The reason of a Pending trial whose Job the API server refused (a quota, RBAC, a webhook). */
  static final String JOB_NOT_CREATED = "JobNotCreated";

  private final ClusterSettings settings;
  private final ReportTokens tokens;
  private final Clock clock;

  private final Consumer<TrialRef> onFinished;
  private final TrialEnd ending;
  private final Duration recheck;

  // Read by key rather than through Context.getSecondaryResource, which gathers the match into a
  // hash set first, and hashing a Job or a study walks all of it.
  private InformerEventSource<Job, Trial> jobs;
  private InformerEventSource<TrainingStudy, Trial> studies;

  /**
   * @param onFinished told when a trial has ended (the report endpoint forgets its progress)
   * @param retry how often a trial whose reconcile keeps failing is tried again
   */
  public TrialReconciler(
      ClusterSettings settings,
      ReportTokens tokens,
      Clock clock,
      Consumer<TrialRef> onFinished,
      ReconcileRetry retry) {
    this.onFinished = onFinished;
    this.recheck = retry.recheck();
    this.settings = settings;
    this.tokens = tokens;
    this.clock = clock;
    this.ending = new TrialEnd(settings, clock);
  }

  /**
   * The trial's Job (the changes that can change its status reconcile it; its pods are read when
   * the Job says they changed, see {@link JobProgress}), and its study, a cache only (a study's
   * status changes often and is no concern of its trials); and an index of trials by study.
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
    return List.of(jobs, studies);
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
    if (job == null && status.phase != null && finishedOnServer(client, trial)) {
      // Retention removed the Job of a trial that has ended (podTTLSeconds); the informer had not
      // seen the ending yet. Never run a finished trial again.
      return UpdateControl.noUpdate();
    }
    if (job == null) {
      createJob(client, study, trial);
      if (status.phase == null || JOB_NOT_CREATED.equals(status.reason)) {
        // A new trial's first status write waits for its pod (Running) or its grace (Pending).
        return UpdateControl.<Trial>noUpdate().rescheduleAfter(PENDING_GRACE);
      }
      // Its Job was deleted while it ran: this is a new attempt.
      recordJobCreated(trial, Objects.requireNonNullElse(status.attempts, 0) + 1, context);
      return UpdateControl.<Trial>noUpdate()
          .rescheduleAfter(TrialProgress.recheckAfter(Duration.ZERO));
    }
    if (JobOutcome.ended(job)) {
      return finish(context, study, trial, job);
    }
    return progress(context, study, trial, job, status.phase);
  }

  /**
   * A reconcile that keeps failing is tried again every {@link ReconcileRetry#recheck} after the
   * operator SDK's retries ({@link ReconcileErrors}); a trial whose Job could not be created says
   * why, as a Pending trial with reason {@link #JOB_NOT_CREATED} and a Warning event, until its Job
   * is created; a trial under way gets a Warning event {@code ReconcileError}, once per round of
   * retries.
   */
  @Override
  public ErrorStatusUpdateControl<Trial> updateErrorStatus(
      Trial trial, Context<Trial> context, Exception e) {
    return ReconcileErrors.control(
        context.getRetryInfo(), recheck, e, message -> jobNotCreated(trial, message, context));
  }

  private Optional<Trial> jobNotCreated(Trial trial, String message, Context<Trial> context) {
    TrialStatusDraft status = TrialStatusDraft.of(trial.getStatus());
    boolean waitingForJob = status.phase == null || JOB_NOT_CREATED.equals(status.reason);
    if (!waitingForJob || jobs.get(ResourceID.fromResource(trial)).isPresent()) {
      // A trial under way keeps its phase; what fails is told once per round of retries.
      if (ReconcileErrors.firstReport(context.getRetryInfo())) {
        new KubeEvents(context.getClient(), clock).warning(trial, ReconcileErrors.REASON, message);
      }
      return Optional.empty();
    }
    if (message.equals(status.message)) {
      return Optional.empty();
    }
    status.phase = TrialPhase.Pending;
    status.reason = JOB_NOT_CREATED;
    status.message = message;
    new KubeEvents(context.getClient(), clock).warning(trial, JOB_NOT_CREATED, message);
    Trial fresh = new Trial();
    fresh.setMetadata(
        new ObjectMetaBuilder()
            .withName(trial.getMetadata().getName())
            .withNamespace(trial.getMetadata().getNamespace())
            .build());
    fresh.setStatus(status.build());
    return Optional.of(fresh);
  }

  /** The Job has ended: the trial's final status, once, from its Job and pods. */
  private UpdateControl<Trial> finish(
      Context<Trial> context, TrainingStudy study, Trial trial, Job job) {
    List<Trial> siblings = context.getPrimaryCache().byIndex(BY_STUDY, studyKey(trial));
    ending
        .write(context, study, trial, job, siblings)
        .ifPresent(
            ended ->
                onFinished.accept(
                    new TrialRef(
                        trial.getMetadata().getNamespace(), trial.getMetadata().getName())));
    return UpdateControl.noUpdate();
  }

  private static boolean finishedOnServer(KubernetesClient client, Trial trial) {
    Trial current = TrialStatusWriter.serverCopy(client, trial);
    return current == null
        || (current.getStatus() != null && isFinished(current.getStatus().phase()));
  }

  /**
   * The Job of a trial that had started was deleted (by a person or a clean-up tool) and has been
   * created again: attempt number {@code attempt} waits for its pod.
   */
  private void recordJobCreated(Trial trial, int attempt, Context<Trial> context) {
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
          status.recordArtifacts(settings, trial);
          status.reason = "JobCreated";
          status.message =
              "the trial's Job was deleted and created again (attempt " + attempt + ")";
          return Optional.of(status.build());
        });
  }

  /**
   * The Job runs: the trial's status follows its pod (Running, Preempted, or what holds it up),
   * with the pods read only when the Job's status says something that can change the trial's.
   */
  private UpdateControl<Trial> progress(
      Context<Trial> context, TrainingStudy study, Trial trial, Job job, TrialPhase recorded) {
    JobProgress progress = JobProgress.of(job);
    Duration age = Duration.between(created(job), clock.instant());
    if (!TrialProgress.podsNeeded(progress, recorded, age.compareTo(PENDING_GRACE) >= 0)) {
      return recheck(recorded, age);
    }
    Optional<PodHistory> started = TrialProgress.firstStart(progress, recorded);
    List<Pod> pods =
        started.isPresent() || progress.suspended()
            ? List.of()
            : TrialPods.current(context.getClient(), trial);
    PodHistory history = started.orElseGet(() -> PodHistory.of(pods));
    SchedulingSpec scheduling = study.getSpec().scheduling();
    String queue = scheduling == null ? null : scheduling.queueName();
    PendingReason waiting =
        (progress.suspended() && queue != null
                ? KueueAdmission.waiting(context.getClient(), job, queue)
                : Optional.<PendingReason>empty())
            .orElseGet(() -> PendingReason.of(progress, pods, queue));
    Optional<Trial> written =
        TrialStatusWriter.write(
            trial,
            context,
            current -> {
              TrialStatusDraft status = TrialStatusDraft.of(current.getStatus());
              if (isFinished(status.phase)
                  || !TrialProgress.update(status, history, waiting, clock.instant())) {
                return Optional.empty();
              }
              status.recordArtifacts(settings, trial);
              return Optional.of(status.build());
            });
    return recheck(written.map(t -> t.getStatus().phase()).orElse(recorded), age);
  }

  /**
   * A trial not yet seen running is looked at again with no change of its Job: a new one when its
   * grace is over (most pods start well within it, and the trial's first status write is then
   * Running), a waiting one from time to time ({@link TrialProgress#recheckAfter}: what holds it up
   * can change without its Job changing, an image pulled, a node added).
   */
  private static UpdateControl<Trial> recheck(TrialPhase phase, Duration age) {
    if (phase == null) {
      Duration left = PENDING_GRACE.minus(age);
      return UpdateControl.<Trial>noUpdate()
          .rescheduleAfter(left.compareTo(SOONEST_RECHECK) < 0 ? SOONEST_RECHECK : left);
    }
    if (phase == TrialPhase.Pending || phase == TrialPhase.Preempted) {
      return UpdateControl.<Trial>noUpdate().rescheduleAfter(TrialProgress.recheckAfter(age));
    }
    return UpdateControl.noUpdate();
  }

  private Instant created(Job job) {
    String created = job.getMetadata().getCreationTimestamp();
    return created == null ? clock.instant() : Instant.parse(created);
  }

  private void createJob(KubernetesClient client, TrainingStudy study, Trial trial) {
    String token =
        tokens.issue(
            new TrialRef(trial.getMetadata().getNamespace(), trial.getMetadata().getName()),
            trial.getMetadata().getUid());
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
