package dev.paddock.operator.k8s.study;

import dev.paddock.api.v1alpha1.EnsembleResult;
import dev.paddock.api.v1alpha1.StudyPhase;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.TrainingStudyStatus;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialSpec;
import dev.paddock.operator.k8s.KubeEvents;
import dev.paddock.operator.k8s.Labels;
import dev.paddock.operator.k8s.StudyTrials;
import dev.paddock.operator.k8s.archive.OperatorStore;
import dev.paddock.operator.k8s.report.ClusterReports;
import dev.paddock.operator.search.Suggestion;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.study.InvalidStudyException;
import dev.paddock.operator.study.PlanStatus;
import dev.paddock.operator.study.StudyDefinition;
import dev.paddock.operator.study.StudyDefinitions;
import dev.paddock.operator.study.StudyPlan;
import dev.paddock.operator.study.StudyPlanner;
import dev.paddock.operator.study.StudyTrial;
import dev.paddock.operator.study.TrialNames;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.util.List;

/**
 * Keeps a study's trials coming: each reconcile reads the study's Trials, asks the shared {@link
 * StudyPlanner} what to do, creates the suggested Trials under deterministic names (a create that
 * finds the Trial already there is a no-op) and writes a fresh, bounded status.
 */
@ControllerConfiguration(name = "trainingstudy")
public final class TrainingStudyReconciler
    implements Reconciler<TrainingStudy>, Cleaner<TrainingStudy> {

  private final Clock clock;
  private final StudyHousekeeping housekeeping;

  /**
   * @param store the artifact store that archive and retention use
   */
  public TrainingStudyReconciler(Clock clock, OperatorStore store) {
    this.clock = clock;
    this.housekeeping = new StudyHousekeeping(store, clock);
  }

  /** An event when the phase or its reason changes, so {@code kubectl describe} tells the story. */
  private void announce(
      TrainingStudy study,
      KubernetesClient client,
      StudyPhase phase,
      String reason,
      String message) {
    var previous = study.getStatus();
    boolean changed =
        previous == null
            || previous.phase() != phase
            || previous.conditions() == null
            || previous.conditions().stream().noneMatch(c -> reason.equals(c.getReason()));
    if (changed) {
      KubeEvents events = new KubeEvents(client, clock);
      if (phase == StudyPhase.Failed) {
        events.warning(study, reason, message);
      } else {
        events.normal(study, reason, message);
      }
    }
  }

  @Override
  public List<EventSource<?, TrainingStudy>> prepareEventSources(
      EventSourceContext<TrainingStudy> context) {
    return List.of(
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Trial.class, TrainingStudy.class).build(),
            context));
  }

  @Override
  public UpdateControl<TrainingStudy> reconcile(
      TrainingStudy study, Context<TrainingStudy> context) {
    StudyDefinition definition;
    try {
      definition = StudyDefinitions.from(study.getMetadata().getName(), study.getSpec());
    } catch (InvalidStudyException e) {
      announce(study, context.getClient(), StudyPhase.Failed, "InvalidSpec", e.getMessage());
      return status(
          study,
          StudyPhase.Failed,
          dev.paddock.operator.study.StudyPhase.FAILED,
          "InvalidSpec",
          e.getMessage(),
          null,
          0,
          null,
          null);
    }
    // Archive and retention first; the trials retention deleted still count in the plan.
    StudyHousekeeping.Result house =
        housekeeping.run(
            study, definition, context.getSecondaryResources(Trial.class), context.getClient());
    if (!house.canPlan()) {
      return UpdateControl.<TrainingStudy>noUpdate().rescheduleAfter(house.retryAfter());
    }
    List<StudyTrial> trials = house.trials().stream().map(StudyTrials::of).toList();
    StudyPlan plan =
        StudyPlanner.plan(
            definition,
            trials,
            history(context.getClient(), study),
            gpuSeconds(house.trials()),
            Boolean.TRUE.equals(study.getSpec().suspend()));
    for (Suggestion suggestion : plan.create()) {
      create(context.getClient(), study, definition, suggestion);
    }
    if (plan.stopRunning()) {
      stopRunning(context.getClient(), house.trials(), plan.message());
    }
    announce(
        study, context.getClient(), PlanStatus.phase(plan.phase()), plan.reason(), plan.message());
    UpdateControl<TrainingStudy> control =
        status(
            study,
            PlanStatus.phase(plan.phase()),
            plan.phase(),
            plan.reason(),
            plan.message(),
            plan,
            gpuSeconds(house.trials()),
            PlanStatus.ensemble(definition, trials.stream().map(StudyTrial::observation).toList()),
            house);
    house.retry().ifPresent(control::rescheduleAfter);
    return control;
  }

  @Override
  public DeleteControl cleanup(TrainingStudy study, Context<TrainingStudy> context) {
    return housekeeping.cleanup(study, context.getClient());
  }

  private void create(
      KubernetesClient client,
      TrainingStudy study,
      StudyDefinition definition,
      Suggestion suggestion) {
    String name = study.getMetadata().getName();
    Trial trial = new Trial();
    trial.setMetadata(
        new ObjectMetaBuilder()
            .withName(TrialNames.of(name, suggestion.index()))
            .withNamespace(study.getMetadata().getNamespace())
            .addToLabels(Labels.STUDY, name)
            .addToLabels(Labels.MANAGED_BY, Labels.MANAGER)
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion(study.getApiVersion())
                    .withKind(study.getKind())
                    .withName(name)
                    .withUid(study.getMetadata().getUid())
                    .withController(true)
                    .withBlockOwnerDeletion(true)
                    .build())
            .build());
    trial.setSpec(
        new TrialSpec(
            name, (int) suggestion.index(), definition.epochs(), suggestion.parameters()));
    try {
      client.resource(trial).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
  }

  /**
   * Marks running trials to stop: their next report is answered with stop, and the trainer ends
   * gracefully with its model saved (DESIGN.md, "The trainer contract").
   */
  private static void stopRunning(
      KubernetesClient client, java.util.Set<Trial> trials, String reason) {
    for (Trial trial : trials) {
      boolean running =
          StudyTrials.state(trial.getStatus() == null ? null : trial.getStatus().phase())
              == dev.paddock.operator.search.TrialState.RUNNING;
      boolean marked =
          trial.getMetadata().getAnnotations() != null
              && trial.getMetadata().getAnnotations().containsKey(ClusterReports.STOP_ANNOTATION);
      if (running && !marked) {
        client
            .resources(Trial.class)
            .inNamespace(trial.getMetadata().getNamespace())
            .withName(trial.getMetadata().getName())
            .edit(
                t -> {
                  t.getMetadata().getAnnotations().put(ClusterReports.STOP_ANNOTATION, reason);
                  return t;
                });
      }
    }
  }

  /**
   * The finished trials of the studies in {@code search.historyFrom} (same namespace), which the
   * sampler learns from as if they were this study's.
   */
  private static List<TrialObservation> history(KubernetesClient client, TrainingStudy study) {
    List<String> from = study.getSpec().search().historyFrom();
    if (from == null || from.isEmpty()) {
      return List.of();
    }
    return from.stream()
        .flatMap(
            name ->
                client
                    .resources(Trial.class)
                    .inNamespace(study.getMetadata().getNamespace())
                    .withLabel(Labels.STUDY, name)
                    .list()
                    .getItems()
                    .stream())
        .map(t -> StudyTrials.of(t).observation())
        .filter(TrialObservation::hasResult)
        .toList();
  }

  private static long gpuSeconds(java.util.Set<Trial> trials) {
    return trials.stream()
        .filter(t -> t.getStatus() != null && t.getStatus().gpuSeconds() != null)
        .mapToLong(t -> t.getStatus().gpuSeconds())
        .sum();
  }

  private static List<io.fabric8.kubernetes.api.model.Condition> withHousekeeping(
      List<io.fabric8.kubernetes.api.model.Condition> conditions, StudyHousekeeping.Result house) {
    if (house == null || house.conditions().isEmpty()) {
      return conditions;
    }
    List<io.fabric8.kubernetes.api.model.Condition> all = new java.util.ArrayList<>(conditions);
    all.addAll(house.conditions());
    return all;
  }

  private UpdateControl<TrainingStudy> status(
      TrainingStudy study,
      StudyPhase phase,
      dev.paddock.operator.study.StudyPhase domainPhase,
      String reason,
      String message,
      StudyPlan plan,
      long gpuSeconds,
      EnsembleResult ensemble,
      StudyHousekeeping.Result house) {
    TrainingStudy fresh = new TrainingStudy();
    fresh.setMetadata(
        new ObjectMetaBuilder()
            .withName(study.getMetadata().getName())
            .withNamespace(study.getMetadata().getNamespace())
            .build());
    long generation =
        study.getMetadata().getGeneration() == null ? 0 : study.getMetadata().getGeneration();
    var previous = study.getStatus();
    String started =
        previous != null && previous.startTime() != null
            ? previous.startTime()
            : clock.instant().toString();
    String completed =
        domainPhase.isTerminal()
            ? (previous != null && previous.completionTime() != null
                ? previous.completionTime()
                : clock.instant().toString())
            : null;
    fresh.setStatus(
        new TrainingStudyStatus(
            phase,
            generation,
            withHousekeeping(
                StudyConditions.of(domainPhase, reason, message, generation, clock.instant()),
                house),
            plan == null ? null : PlanStatus.counts(plan),
            plan == null ? null : PlanStatus.best(plan),
            ensemble,
            gpuSeconds,
            null,
            started,
            completed,
            house == null ? null : house.archive(),
            house == null ? null : house.retention()));
    return UpdateControl.patchStatus(fresh);
  }
}
