package dev.paddock.testsupport.kubelet;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HostIP;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes what the harness knows of a pod to its status subresource only: phase, pod and host IPs,
 * container statuses and the Initialized/ContainersReady/Ready conditions, keeping the conditions
 * others set (PodScheduled, DisruptionTarget).
 */
final class PodStatusWriter {

  private final KubernetesClient client;

  PodStatusWriter(KubernetesClient client) {
    this.client = client;
  }

  /** A snapshot of a pod's status as the harness sees it. */
  record Snapshot(String phase, String podIp, Instant startTime, List<ContainerStatus> containers) {

    boolean allReady() {
      return !containers.isEmpty() && containers.stream().allMatch(ContainerStatus::getReady);
    }
  }

  /**
   * Writes the snapshot, retrying a failed write a few times (a conflict with another writer, an
   * API server under load).
   *
   * @return false when the pod is gone
   */
  boolean write(String namespace, String name, Snapshot snapshot) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        client.pods().inNamespace(namespace).withName(name).editStatus(pod -> apply(pod, snapshot));
        return true;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          return false;
        }
        if (attempt == 5) {
          throw e;
        }
        Thread.sleep(200L * attempt);
      }
    }
  }

  private static Pod apply(Pod pod, Snapshot snapshot) {
    PodStatus status = Objects.requireNonNullElseGet(pod.getStatus(), PodStatus::new);
    pod.setStatus(status);
    status.setPhase(snapshot.phase());
    status.setPodIP(snapshot.podIp());
    status.setPodIPs(List.of(new PodIP(snapshot.podIp())));
    status.setHostIP(NodeHeartbeat.HOST_IP);
    status.setHostIPs(List.of(new HostIP(NodeHeartbeat.HOST_IP)));
    if (status.getStartTime() == null) {
      status.setStartTime(Times.of(snapshot.startTime()));
    }
    status.setContainerStatuses(snapshot.containers());
    boolean terminal = "Succeeded".equals(snapshot.phase()) || "Failed".equals(snapshot.phase());
    String notReadyReason = terminal ? "PodCompleted" : "ContainersNotReady";
    List<PodCondition> conditions =
        new ArrayList<>(Objects.requireNonNullElse(status.getConditions(), List.of()));
    upsert(conditions, "PodReadyToStartContainers", !terminal, null);
    upsert(conditions, "Initialized", true, null);
    upsert(conditions, "ContainersReady", snapshot.allReady(), notReadyReason);
    upsert(conditions, "Ready", snapshot.allReady(), notReadyReason);
    status.setConditions(conditions);
    return pod;
  }

  private static void upsert(
      List<PodCondition> conditions, String type, boolean value, String falseReason) {
    String wanted = value ? "True" : "False";
    PodCondition current =
        conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    if (current != null && wanted.equals(current.getStatus())) {
      return;
    }
    conditions.remove(current);
    conditions.add(
        new PodConditionBuilder()
            .withType(type)
            .withStatus(wanted)
            .withReason(value ? null : falseReason)
            .withLastTransitionTime(Times.now())
            .build());
  }
}
