package dev.paddock.operator.k8s.trial;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Kueue says of a trial's suspended Job, read from the Workload Kueue made for it (its {@code
 * QuotaReserved} condition) and the study's LocalQueue (the ClusterQueue it feeds). Two reads, made
 * only when a waiting trial's reason is looked at (once its grace is over, and on its rechecks).
 * Empty where no Kueue manages the Job (no Workload, or no Kueue API at all): the trial then says
 * only that its queue has not admitted it.
 */
final class KueueAdmission {

  /** The label by which Kueue ties a Workload to its Job. */
  static final String JOB_UID = "kueue.x-k8s.io/job-uid";

  /** Kueue's reason when a queue cannot admit the Workload at all (missing, stopped, inactive). */
  static final String INADMISSIBLE = "Inadmissible";

  private static final ResourceDefinitionContext WORKLOADS = kueue("Workload", "workloads");
  private static final ResourceDefinitionContext LOCAL_QUEUES = kueue("LocalQueue", "localqueues");

  private KueueAdmission() {}

  private static ResourceDefinitionContext kueue(String kind, String plural) {
    return new ResourceDefinitionContext.Builder()
        .withGroup("kueue.x-k8s.io")
        .withVersion("v1beta2")
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }

  /** Why Kueue holds the Job, or empty where no Kueue manages it. */
  static Optional<PendingReason> waiting(KubernetesClient client, Job job, String queue) {
    String namespace = job.getMetadata().getNamespace();
    List<GenericKubernetesResource> workloads;
    try {
      workloads =
          client
              .genericKubernetesResources(WORKLOADS)
              .inNamespace(namespace)
              .withLabel(JOB_UID, job.getMetadata().getUid())
              .list()
              .getItems();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return Optional.empty(); // no Kueue API in this cluster
      }
      throw e;
    }
    if (workloads.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> quota = condition(workloads.get(0), "QuotaReserved");
    String status = quota == null ? null : (String) quota.get("status");
    String reason = quota == null ? null : (String) quota.get("reason");
    String message = quota == null ? null : (String) quota.get("message");
    String clusterQueue =
        INADMISSIBLE.equals(reason) ? null : clusterQueue(client, namespace, queue);
    return Optional.of(PendingReason.kueue(queue, clusterQueue, status, reason, message));
  }

  /** The ClusterQueue the LocalQueue feeds; null if it cannot be read. */
  private static String clusterQueue(KubernetesClient client, String namespace, String queue) {
    try {
      GenericKubernetesResource local =
          client
              .genericKubernetesResources(LOCAL_QUEUES)
              .inNamespace(namespace)
              .withName(queue)
              .get();
      if (local == null
          || !(local.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec)) {
        return null;
      }
      return spec.get("clusterQueue") instanceof String name ? name : null;
    } catch (KubernetesClientException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> condition(GenericKubernetesResource workload, String type) {
    if (!(workload.getAdditionalProperties().get("status") instanceof Map<?, ?> status)
        || !(status.get("conditions") instanceof List<?> conditions)) {
      return null;
    }
    return conditions.stream()
        .filter(Map.class::isInstance)
        .map(c -> (Map<String, Object>) c)
        .filter(c -> type.equals(c.get("type")))
        .findFirst()
        .orElse(null);
  }
}
