package dev.paddock.operator.k8s.study;

import dev.paddock.api.v1alpha1.StudyPhase;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.operator.k8s.ReconcileErrors;
import dev.paddock.operator.k8s.ReconcileRetry;
import dev.paddock.operator.k8s.StudyTrials;
import dev.paddock.operator.k8s.TrialCache;
import dev.paddock.operator.k8s.archive.OperatorStore;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.study.InvalidStudyException;
import dev.paddock.operator.study.PlanStatus;
import dev.paddock.operator.study.StudyDefinition;
import dev.paddock.operator.study.StudyDefinitions;
import dev.paddock.operator.study.StudyPlan;
import dev.paddock.operator.study.StudyPlanner;
import dev.paddock.operator.study.StudySchedule;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.rate.RateLimited;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a study's trials coming: each reconcile reads the study's Trials, asks the shared {@link
 * StudyPlanner} what to do, creates the suggested Trials under deterministic names ({@link
 * StudyTrialWrites}) and writes a fresh, bounded status ({@link StudyStatusBuilder}). Archive and
 * retention come first ({@link StudyHousekeeping}); what a person wants to see is an event ({@link
 * StudyEvents}).
 */
@ControllerConfiguration(name = "trainingstudy")
// Every trial event wakes its study, and a reconcile reads all the study's trials and writes its
// status: at most one reconcile a second per study (JOSDK delays, never drops, the rest), so a
// study of thousands of busy trials costs bounded CPU and API writes, and cannot starve the others.
@RateLimited(maxReconciliations = 1, within = 1)
public final class TrainingStudyReconciler
    implements Reconciler<TrainingStudy>, Cleaner<TrainingStudy> {

  private final Clock clock;
  private final StudyHousekeeping housekeeping;
  private final StudyTrialSource trialSource;
  private final StudyTrialWrites trialWrites;
  private final Duration recheck;

  /**
   * @param store the artifact store that archive and retention use
   * @param trials the process's Trials, which wake a study's reconcile and which it reads
   * @param retry how often a study whose reconcile keeps failing is tried again
   */
  public TrainingStudyReconciler(
      Clock clock, OperatorStore store, TrialCache trials, ReconcileRetry retry) {
    this.clock = clock;
    this.recheck = retry.recheck();
    this.housekeeping = new StudyHousekeeping(store, clock);
    this.trialSource = new StudyTrialSource(trials);
    this.trialWrites = new StudyTrialWrites(trialSource);
  }

  @Override
  public List<EventSource<?, TrainingStudy>> prepareEventSources(
      EventSourceContext<TrainingStudy> context) {
    return List.of(trialSource);
  }

  @Override
  public UpdateControl<TrainingStudy> reconcile(
      TrainingStudy study, Context<TrainingStudy> context) {
    StudyDefinition definition;
    Optional<StudySchedule> schedule;
    try {
      definition = StudyDefinitions.from(study.getMetadata().getName(), study.getSpec());
      schedule = StudySchedule.of(study.getSpec().schedule());
    } catch (InvalidStudyException e) {
      return invalid(study, context.getClient(), e);
    }
    Instant now = clock.instant();
    boolean suspended = Boolean.TRUE.equals(study.getSpec().suspend());
    // Archive and retention first; the trials retention deleted still count in the plan.
    List<String> donors = historyFrom(study);
    StudyHousekeeping.Result house =
        housekeeping.run(
            study,
            definition,
            trialSource.of(study),
            existing(donors, study, context),
            context.getClient());
    if (!house.canPlan()) {
      return UpdateControl.<TrainingStudy>noUpdate().rescheduleAfter(house.retryAfter());
    }
    RunPlan planned =
        planRun(
            study,
            definition,
            schedule,
            house.trials(),
            history(study, donors, house),
            context.getClient(),
            now,
            suspended);
    StudyRun run = planned.run();
    List<Trial> trials = planned.trials();
    StudyPlan plan = planned.plan();
    Instant due = planned.due();
    trialWrites.createAll(
        context.getClient(), context.getWorkflowExecutorService(), study, definition, run, plan);
    if (plan.stopRunning()) {
      StudyTrialWrites.stopRunning(context.getClient(), trials, plan.message());
    }
    StudyEvents events = new StudyEvents(context.getClient(), clock);
    events.phase(study, PlanStatus.phase(plan.phase()), plan.reason(), plan.message());
    StudyQueue queue = StudyQueue.of(study, trials).orElse(null);
    if (queue != null) {
      events.queue(study, queue);
    }
    StudyStatusBuilder.StudyOutcome outcome =
        new StudyStatusBuilder.StudyOutcome(
            plan.phase(),
            plan.reason(),
            plan.message(),
            plan,
            gpuSeconds(trials),
            PlanStatus.ensemble(
                definition, trials.stream().map(t -> StudyTrials.of(t).observation()).toList()),
            queue);
    UpdateControl<TrainingStudy> update =
        UpdateControl.patchStatus(
            StudyStatusBuilder.status(study, run, outcome, due, house, clock.instant()));
    Duration next =
        earliest(
            earliest(due == null ? null : Duration.between(now, due), house.retry().orElse(null)),
            afterExpiry(now, house.nextExpiry()));
    return next == null ? update : update.rescheduleAfter(next);
  }

  private UpdateControl<TrainingStudy> invalid(
      TrainingStudy study, KubernetesClient client, InvalidStudyException e) {
    new StudyEvents(client, clock).phase(study, StudyPhase.Failed, "InvalidSpec", e.getMessage());
    StudyStatusBuilder.StudyOutcome outcome =
        new StudyStatusBuilder.StudyOutcome(
            dev.paddock.operator.study.StudyPhase.FAILED,
            "InvalidSpec",
            e.getMessage(),
            null,
            0,
            null);
    return UpdateControl.patchStatus(
        StudyStatusBuilder.status(
            study, StudyRun.of(study.getStatus()), outcome, null, null, clock.instant()));
  }

  /** The run to plan, its trials and plan, and when the next scheduled run is due (if waiting). */
  private record RunPlan(StudyRun run, List<Trial> trials, StudyPlan plan, Instant due) {}

  /**
   * Plans the current run; when it has ended and its schedule's next tick has come, starts the next
   * run (an event says so) and plans that instead.
   */
  private RunPlan planRun(
      TrainingStudy study,
      StudyDefinition definition,
      Optional<StudySchedule> schedule,
      java.util.Collection<Trial> allTrials,
      List<TrialObservation> history,
      KubernetesClient client,
      Instant now,
      boolean suspended) {
    StudyRun run = StudyRun.of(study.getStatus());
    List<Trial> trials = run.trialsOf(allTrials);
    StudyPlan plan = plan(definition, trials, history, suspended);
    if (schedule.isEmpty() || !plan.phase().isTerminal() || suspended) {
      return new RunPlan(run, trials, plan, null);
    }
    Instant due = schedule.get().dueAfter(run.endedOr(now), run.scheduledAt());
    if (due.isAfter(now)) {
      return new RunPlan(run, trials, plan, due);
    }
    StudyRun next = run.next(due, now);
    new StudyEvents(client, clock).runStarted(study, next, schedule.get(), due);
    return new RunPlan(next, List.of(), plan(definition, List.of(), history, suspended), null);
  }

  /**
   * How long until artifacts expire at {@code at}, a second late: retention deletes those whose
   * time has passed. Null for never.
   */
  private static Duration afterExpiry(Instant now, Instant at) {
    return at == null ? null : Duration.between(now, at).plusSeconds(1);
  }

  private static Duration earliest(Duration a, Duration b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * A reconcile that keeps failing (an API call refused: RBAC, a quota, a webhook) says so in the
   * study's {@code Stalled} condition and a Warning event, and is tried again every {@link
   * ReconcileRetry#recheck} after the operator SDK's retries ({@link ReconcileErrors}); its next
   * successful status drops it.
   */
  @Override
  public ErrorStatusUpdateControl<TrainingStudy> updateErrorStatus(
      TrainingStudy study, Context<TrainingStudy> context, Exception e) {
    return ReconcileErrors.control(
        context.getRetryInfo(),
        recheck,
        e,
        message -> {
          Optional<TrainingStudy> stalled =
              StudyStatusBuilder.stalled(study, message, clock.instant());
          stalled.ifPresent(
              s -> new StudyEvents(context.getClient(), clock).stalled(study, message));
          return stalled;
        });
  }

  @Override
  public DeleteControl cleanup(TrainingStudy study, Context<TrainingStudy> context) {
    return housekeeping.cleanup(study, context.getClient());
  }

  private static StudyPlan plan(
      StudyDefinition definition,
      List<Trial> trials,
      List<TrialObservation> history,
      boolean suspended) {
    return StudyPlanner.plan(
        definition,
        trials.stream().map(StudyTrials::of).toList(),
        history,
        gpuSeconds(trials),
        suspended);
  }

  /** The finished trials of the studies in {@code search.historyFrom}, live and retired. */
  private List<TrialObservation> history(
      TrainingStudy study, List<String> donors, StudyHousekeeping.Result house) {
    String namespace = study.getMetadata().getNamespace();
    return StudyHistory.observations(
        donors.stream().flatMap(name -> trialSource.of(namespace, name).stream()).toList(),
        house.imported());
  }

  private static List<String> historyFrom(TrainingStudy study) {
    List<String> from = study.getSpec().search().historyFrom();
    return from == null ? List.of() : from;
  }

  /** The studies named in {@code search.historyFrom} that exist, from the controller's cache. */
  private static List<TrainingStudy> existing(
      List<String> names, TrainingStudy study, Context<TrainingStudy> context) {
    String namespace = study.getMetadata().getNamespace();
    return names.stream()
        .map(name -> context.getPrimaryCache().get(new ResourceID(name, namespace)))
        .flatMap(Optional::stream)
        .toList();
  }

  private static long gpuSeconds(List<Trial> trials) {
    return trials.stream()
        .filter(t -> t.getStatus() != null && t.getStatus().gpuSeconds() != null)
        .mapToLong(t -> t.getStatus().gpuSeconds())
        .sum();
  }
}
