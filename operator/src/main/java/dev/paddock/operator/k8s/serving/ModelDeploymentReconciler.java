package dev.paddock.operator.k8s.serving;

import dev.paddock.api.v1alpha1.ModelDeployment;
import dev.paddock.api.v1alpha1.ModelDeploymentSpec;
import dev.paddock.api.v1alpha1.ModelDeploymentStatus;
import dev.paddock.api.v1alpha1.PromotionGates;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.operator.grading.Grade;
import dev.paddock.operator.k8s.KubeEvents;
import dev.paddock.operator.k8s.ReconcileErrors;
import dev.paddock.operator.k8s.ReconcileRetry;
import dev.paddock.operator.rollout.Gates;
import dev.paddock.operator.rollout.Rollout;
import dev.paddock.operator.rollout.RolloutPolicy;
import dev.paddock.operator.rollout.RolloutState;
import dev.paddock.operator.rollout.RolloutStep;
import dev.paddock.operator.rollout.Serving;
import dev.paddock.operator.rollout.Slot;
import dev.paddock.operator.rollout.Source;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Serves a ModelDeployment's primary model with a Deployment and a Service, and rolls to better
 * models. Thin: the source's best model comes from {@link ModelSources}, the decision (promote,
 * refuse, run a canary, complete, roll back) from {@link Rollout}, the objects from {@link
 * ServingDeployments}, the conditions from {@link ServingConditions}. Reconciled on changes of the
 * ModelDeployment, its Deployment and Service, its study, and every {@link
 * ServingSettings#recheck()} (archives appear in the store without a Kubernetes event). The status
 * is written with optimistic locking and cached, so the next reconcile never decides from a stale
 * copy of the slots.
 */
@ControllerConfiguration(name = "modeldeployment")
public final class ModelDeploymentReconciler implements Reconciler<ModelDeployment> {

  /** The status of a ModelDeployment never reconciled successfully: every field unset. */
  private static final ModelDeploymentStatus NO_STATUS =
      new ModelDeploymentStatus(null, null, null, null, null, null);

  static final String FIELD_MANAGER = "paddock-operator";
  private static final String STUDY_INDEX = "paddock.dev/source-study";

  private final ServingSettings settings;
  private final ModelSources sources;
  private final Clock clock;
  private final Duration recheckFailed;

  /**
   * @param retry how often a ModelDeployment whose reconcile keeps failing is tried again
   */
  public ModelDeploymentReconciler(
      ServingSettings settings, ArtifactStore store, Clock clock, ReconcileRetry retry) {
    this.settings = settings;
    this.sources = new ModelSources(store);
    this.clock = clock;
    this.recheckFailed = retry.recheck();
  }

  @Override
  public List<EventSource<?, ModelDeployment>> prepareEventSources(
      EventSourceContext<ModelDeployment> context) {
    context
        .getPrimaryCache()
        .addIndexer(
            STUDY_INDEX,
            md ->
                md.getSpec().source().study() == null
                    ? List.of()
                    : List.of(
                        studyKey(md.getMetadata().getNamespace(), md.getSpec().source().study())));
    InformerEventSource<TrainingStudy, ModelDeployment> studies =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(TrainingStudy.class, ModelDeployment.class)
                .withSecondaryToPrimaryMapper(
                    study ->
                        context
                            .getPrimaryCache()
                            .byIndex(
                                STUDY_INDEX,
                                studyKey(
                                    study.getMetadata().getNamespace(),
                                    study.getMetadata().getName()))
                            .stream()
                            .map(ResourceID::fromResource)
                            .collect(Collectors.toSet()))
                .withPrimaryToSecondaryMapper(
                    (ModelDeployment md) ->
                        md.getSpec().source().study() == null
                            ? Set.of()
                            : Set.of(
                                new ResourceID(
                                    md.getSpec().source().study(),
                                    md.getMetadata().getNamespace())))
                .build(),
            context);
    return List.of(
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Deployment.class, ModelDeployment.class).build(),
            context),
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Service.class, ModelDeployment.class).build(),
            context),
        studies);
  }

  private static String studyKey(String namespace, String study) {
    return namespace + "/" + study;
  }

  @Override
  public UpdateControl<ModelDeployment> reconcile(
      ModelDeployment deployment, Context<ModelDeployment> context) {
    Instant now = clock.instant();
    ModelDeploymentSpec spec = deployment.getSpec();
    RolloutState state = ServingStatus.state(deployment.getStatus());
    TrainingStudy study = context.getSecondaryResource(TrainingStudy.class).orElse(null);
    Deployment canaryDeployment =
        owned(context, ServingDeployments.canaryName(deployment)).orElse(null);
    Serving serving =
        DeploymentProgress.observe(owned(context, deployment.getMetadata().getName()).orElse(null));
    // The archive is read only when a promotion could follow (not during a rollout or canary).
    Source source =
        Rollout.needsSource(state, serving)
            ? sources.resolve(
                deployment.getMetadata().getNamespace(),
                spec.source(),
                study,
                state.slots().primary(),
                state.failedModels(),
                now)
            : Source.none("RolloutUnderWay", "the source is read again once the rollout is over");
    RolloutPolicy policy =
        new RolloutPolicy(
            gates(spec.gates()),
            ModelSources.direction(study),
            ServingDeployments.progressDeadlineSeconds(spec),
            ServingDeployments.canaryMinutesOrNull(spec));
    RolloutStep step =
        Rollout.step(
            state, source, policy, serving, DeploymentProgress.observe(canaryDeployment), now);
    Slot primary = step.next().slots().primary();
    if (primary != null) {
      apply(context.getClient(), ServingDeployments.deployment(deployment, primary, settings));
      apply(context.getClient(), ServingDeployments.service(deployment));
    }
    Slot canary = step.next().canary();
    if (canary != null) {
      apply(context.getClient(), ServingDeployments.canary(deployment, canary, settings));
    } else if (canaryDeployment != null) {
      context.getClient().resource(canaryDeployment).delete();
    }
    announce(context.getClient(), deployment, step);
    writeStatus(deployment, context, step, source, serving);
    return UpdateControl.<ModelDeployment>noUpdate().rescheduleAfter(settings.recheck());
  }

  /**
   * A reconcile that keeps failing (a Deployment or Service refused: RBAC, a quota, a webhook) says
   * so in the {@code Stalled} condition and a Warning event, and runs again every {@link
   * ReconcileRetry#recheck} after the operator SDK's retries ({@link ReconcileErrors}); the next
   * successful status drops it.
   */
  @Override
  public ErrorStatusUpdateControl<ModelDeployment> updateErrorStatus(
      ModelDeployment deployment, Context<ModelDeployment> context, Exception e) {
    return ReconcileErrors.control(
        context.getRetryInfo(),
        recheckFailed,
        e,
        message -> {
          ModelDeploymentStatus status = deployment.getStatus();
          long generation =
              Objects.requireNonNullElse(deployment.getMetadata().getGeneration(), 0L);
          return ReconcileErrors.stalled(
                  status == null ? null : status.conditions(), message, generation, clock.instant())
              .map(
                  conditions -> {
                    new KubeEvents(context.getClient(), clock)
                        .warning(deployment, ReconcileErrors.REASON, message);
                    ModelDeployment fresh = named(deployment);
                    fresh.setStatus(
                        (status == null ? NO_STATUS : status).withConditions(conditions));
                    return fresh;
                  });
        });
  }

  private static ModelDeployment named(ModelDeployment deployment) {
    ModelDeployment fresh = new ModelDeployment();
    fresh.setMetadata(
        new ObjectMetaBuilder()
            .withName(deployment.getMetadata().getName())
            .withNamespace(deployment.getMetadata().getNamespace())
            .build());
    return fresh;
  }

  private static Optional<Deployment> owned(Context<ModelDeployment> context, String name) {
    return context.getSecondaryResources(Deployment.class).stream()
        .filter(d -> name.equals(d.getMetadata().getName()))
        .findFirst();
  }

  /** Server-side apply: idempotent, and leaves fields other managers own alone. */
  private static void apply(KubernetesClient client, HasMetadata object) {
    client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
  }

  /** An Event for each promotion, refusal (once), completed rollout and rollback. */
  private void announce(KubernetesClient client, ModelDeployment deployment, RolloutStep step) {
    KubeEvents events = new KubeEvents(client, clock);
    switch (step.outcome()) {
      case PROMOTED -> events.normal(deployment, "Promoted", step.reason());
      case REFUSED -> {
        if (step.recorded()) {
          events.normal(deployment, "Refused", step.reason());
        }
      }
      case COMPLETED -> events.normal(deployment, "RolloutComplete", step.reason());
      case ROLLED_BACK -> events.warning(deployment, "RolledBack", step.reason());
      case STUCK -> events.warning(deployment, DeploymentProgress.TIMED_OUT_REASON, step.reason());
      case CANARY_STARTED -> events.normal(deployment, "CanaryStarted", step.reason());
      case CANARY_FAILED -> events.warning(deployment, "CanaryFailed", step.reason());
      default -> {
        // nothing new to tell
      }
    }
  }

  private void writeStatus(
      ModelDeployment deployment,
      Context<ModelDeployment> context,
      RolloutStep step,
      Source source,
      Serving serving) {
    long generation = Objects.requireNonNullElse(deployment.getMetadata().getGeneration(), 0L);
    ModelDeploymentStatus previous = deployment.getStatus();
    List<Condition> conditions =
        ServingConditions.of(
            step,
            source,
            serving,
            generation,
            previous == null || previous.conditions() == null ? List.of() : previous.conditions(),
            clock.instant());
    ModelDeploymentStatus status = ServingStatus.of(step.next(), generation, conditions);
    if (status.equals(previous)) {
      return;
    }
    ModelDeployment fresh = named(deployment);
    fresh.setStatus(status);
    PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(deployment, fresh, context);
  }

  private static Gates gates(PromotionGates gates) {
    if (gates == null) {
      return Gates.NONE;
    }
    return new Gates(
        gates.minGrade() == null ? null : Grade.valueOf(gates.minGrade().name()),
        gates.minObjective(),
        gates.minImprovement());
  }
}
