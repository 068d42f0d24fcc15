package dev.paddock.operator.k8s.serving;

import dev.paddock.api.v1alpha1.CanarySpec;
import dev.paddock.api.v1alpha1.ModelDeployment;
import dev.paddock.api.v1alpha1.ModelDeploymentSpec;
import dev.paddock.operator.k8s.Labels;
import dev.paddock.operator.rollout.Slot;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a ModelDeployment's Deployment (container {@code trainer} running {@code paddock-trainer
 * serve} on the primary model, see {@link TrainerContainer}) and its Service. The primary's code is
 * a pod-template label and annotation, so each promotion or rollback is a new revision and {@code
 * kubectl get pods -L paddock.dev/model-code} shows which pod serves what.
 */
public final class ServingDeployments {

  /** Port of the Service (the pods listen on {@link TrainerContainer#PORT}). */
  public static final int SERVICE_PORT = 80;

  public static final int DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;
  public static final int DEFAULT_CANARY_MINUTES = 10;

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private ServingDeployments() {}

  /** The Deployment that serves the primary model. */
  public static Deployment deployment(
      ModelDeployment deployment, Slot primary, ServingSettings settings) {
    ModelDeploymentSpec spec = deployment.getSpec();
    return render(
        deployment,
        deployment.getMetadata().getName(),
        ServingLabels.PRIMARY_TRACK,
        primary,
        replicas(spec),
        0,
        progressDeadlineSeconds(spec),
        settings);
  }

  /**
   * The Deployment of a canary ({@code <name>-canary}): the candidate on {@code canary.replicas}
   * pods behind the same Service. A pod counts as available only once ready for the canary's
   * minutes ({@code minReadySeconds}), so the deployment controller itself tells whether the canary
   * stayed ready; it has the progress deadline plus those minutes to get there.
   */
  public static Deployment canary(
      ModelDeployment deployment, Slot candidate, ServingSettings settings) {
    ModelDeploymentSpec spec = deployment.getSpec();
    int minReady = canaryMinutes(spec) * 60;
    return render(
        deployment,
        canaryName(deployment),
        ServingLabels.CANARY_TRACK,
        candidate,
        canaryReplicas(spec),
        minReady,
        progressDeadlineSeconds(spec) + minReady,
        settings);
  }

  public static String canaryName(ModelDeployment deployment) {
    return deployment.getMetadata().getName() + "-canary";
  }

  private static Deployment render(
      ModelDeployment deployment,
      String name,
      String track,
      Slot model,
      int replicas,
      int minReadySeconds,
      int progressDeadlineSeconds,
      ServingSettings settings) {
    ObjectMeta metadata = metadata(deployment);
    metadata.setName(name);
    return new DeploymentBuilder()
        .withMetadata(metadata)
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels(ServingLabels.MODEL_DEPLOYMENT, deployment.getMetadata().getName())
        .addToMatchLabels(ServingLabels.TRACK, track)
        .endSelector()
        .withMinReadySeconds(minReadySeconds == 0 ? null : minReadySeconds)
        .withProgressDeadlineSeconds(progressDeadlineSeconds)
        // A candidate that never becomes ready must not take serving capacity away.
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxUnavailable(new IntOrString(0))
        .withMaxSurge(new IntOrString("25%"))
        .endRollingUpdate()
        .endStrategy()
        .withTemplate(podTemplate(deployment, track, model, settings))
        .endSpec()
        .build();
  }

  public static Service service(ModelDeployment deployment) {
    return new ServiceBuilder()
        .withMetadata(metadata(deployment))
        .withNewSpec()
        .addToSelector(ServingLabels.MODEL_DEPLOYMENT, deployment.getMetadata().getName())
        .addNewPort()
        .withName(TrainerContainer.PORT_NAME)
        .withProtocol("TCP")
        .withPort(SERVICE_PORT)
        .withTargetPort(new IntOrString(TrainerContainer.PORT_NAME))
        .endPort()
        .endSpec()
        .build();
  }

  public static int replicas(ModelDeploymentSpec spec) {
    return spec.serving() == null || spec.serving().replicas() == null
        ? 1
        : spec.serving().replicas();
  }

  /** The canary's minutes; null when the spec has no canary. */
  public static Integer canaryMinutesOrNull(ModelDeploymentSpec spec) {
    return spec.rollout() == null || spec.rollout().canary() == null ? null : canaryMinutes(spec);
  }

  private static int canaryMinutes(ModelDeploymentSpec spec) {
    CanarySpec canary = spec.rollout() == null ? null : spec.rollout().canary();
    return canary == null || canary.minutes() == null ? DEFAULT_CANARY_MINUTES : canary.minutes();
  }

  private static int canaryReplicas(ModelDeploymentSpec spec) {
    CanarySpec canary = spec.rollout() == null ? null : spec.rollout().canary();
    return canary == null || canary.replicas() == null ? 1 : canary.replicas();
  }

  public static int progressDeadlineSeconds(ModelDeploymentSpec spec) {
    return spec.rollout() == null || spec.rollout().progressDeadlineSeconds() == null
        ? DEFAULT_PROGRESS_DEADLINE_SECONDS
        : spec.rollout().progressDeadlineSeconds();
  }

  private static ObjectMeta metadata(ModelDeployment deployment) {
    return new ObjectMetaBuilder()
        .withName(deployment.getMetadata().getName())
        .withNamespace(deployment.getMetadata().getNamespace())
        .addToLabels(ServingLabels.MODEL_DEPLOYMENT, deployment.getMetadata().getName())
        .addToLabels(Labels.MANAGED_BY, Labels.MANAGER)
        .withOwnerReferences(owner(deployment))
        .build();
  }

  private static OwnerReference owner(ModelDeployment deployment) {
    return new OwnerReferenceBuilder()
        .withApiVersion(deployment.getApiVersion())
        .withKind(deployment.getKind())
        .withName(deployment.getMetadata().getName())
        .withUid(deployment.getMetadata().getUid())
        .withController(true)
        .withBlockOwnerDeletion(true)
        .build();
  }

  /** The user's template (if any) with Paddock's labels, annotations and trainer container. */
  private static PodTemplateSpec podTemplate(
      ModelDeployment deployment, String track, Slot primary, ServingSettings settings) {
    var given =
        deployment.getSpec().serving() == null ? null : deployment.getSpec().serving().template();
    PodTemplateSpec template =
        given == null
            ? new PodTemplateSpec(null, new PodSpecBuilder().build())
            : SERIALIZATION.convertValue(given, PodTemplateSpec.class);
    ObjectMeta metadata =
        Objects.requireNonNullElseGet(
            template.getMetadata(), () -> new ObjectMetaBuilder().build());
    Map<String, String> labels =
        new LinkedHashMap<>(Objects.requireNonNullElse(metadata.getLabels(), Map.of()));
    labels.put(ServingLabels.MODEL_DEPLOYMENT, deployment.getMetadata().getName());
    labels.put(ServingLabels.TRACK, track);
    labels.put(ServingLabels.MODEL_CODE, ServingLabels.labelValue(primary.code()));
    labels.put(Labels.MANAGED_BY, Labels.MANAGER);
    Map<String, String> annotations =
        new LinkedHashMap<>(Objects.requireNonNullElse(metadata.getAnnotations(), Map.of()));
    annotations.put(ServingLabels.MODEL_CODE_ANNOTATION, primary.code());
    annotations.put(ServingLabels.MODEL_URI_ANNOTATION, primary.uri());
    template.setMetadata(
        new ObjectMetaBuilder().withLabels(labels).withAnnotations(annotations).build());
    TrainerContainer.apply(template.getSpec(), primary.uri(), settings);
    return template;
  }
}
