package dev.paddock.operator.k8s.serving;

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

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private ServingDeployments() {}

  public static Deployment deployment(
      ModelDeployment deployment, Slot primary, ServingSettings settings) {
    ModelDeploymentSpec spec = deployment.getSpec();
    return new DeploymentBuilder()
        .withMetadata(metadata(deployment))
        .withNewSpec()
        .withReplicas(replicas(spec))
        .withNewSelector()
        .addToMatchLabels(ServingLabels.MODEL_DEPLOYMENT, deployment.getMetadata().getName())
        .endSelector()
        .withProgressDeadlineSeconds(progressDeadlineSeconds(spec))
        // A candidate that never becomes ready must not take serving capacity away.
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxUnavailable(new IntOrString(0))
        .withMaxSurge(new IntOrString("25%"))
        .endRollingUpdate()
        .endStrategy()
        .withTemplate(podTemplate(deployment, primary, settings))
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
      ModelDeployment deployment, Slot primary, ServingSettings settings) {
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
