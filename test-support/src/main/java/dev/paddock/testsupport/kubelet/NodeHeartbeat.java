package dev.paddock.testsupport.kubelet;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers the harness's Node (Ready, with its capacity) and keeps it so: a Ready condition
 * heartbeat and a renewed Lease in {@code kube-node-lease}, as the kubelet does, so the node
 * lifecycle controller never marks it unreachable and taints it.
 */
final class NodeHeartbeat {

  static final String HOST_IP = "127.0.0.1";
  static final String LEASE_NAMESPACE = "kube-node-lease";

  private final KubernetesClient client;
  private final String nodeName;
  private final String since = Times.now();

  NodeHeartbeat(KubernetesClient client, String nodeName) {
    this.client = client;
    this.nodeName = nodeName;
  }

  void register(Map<String, String> extendedResources) {
    Map<String, Quantity> capacity = new LinkedHashMap<>();
    capacity.put("cpu", new Quantity("16"));
    capacity.put("memory", new Quantity("64Gi"));
    capacity.put("pods", new Quantity("110"));
    extendedResources.forEach((name, amount) -> capacity.put(name, new Quantity(amount)));
    Node node =
        new NodeBuilder()
            .withNewMetadata()
            .withName(nodeName)
            .addToLabels("kubernetes.io/hostname", nodeName)
            .addToLabels("kubernetes.io/os", "linux")
            .addToLabels("type", "kubelet-harness")
            .endMetadata()
            .withNewStatus()
            .withCapacity(capacity)
            .withAllocatable(capacity)
            .addNewAddress("127.0.0.1", "InternalIP")
            .addNewAddress(nodeName, "Hostname")
            .withConditions(ready())
            .withNewNodeInfo()
            .withKubeletVersion("v0.0.0-paddock-harness")
            .withOperatingSystem("linux")
            .withArchitecture("amd64")
            .endNodeInfo()
            .endStatus()
            .build();
    client.nodes().resource(node).create();
    ensureLeaseNamespace();
    renewLease();
  }

  /**
   * One heartbeat: the Ready condition's time and the node's Lease renewed. The status edit is
   * optimistic (it carries the node's resourceVersion), so a concurrent change by the node
   * lifecycle controller is met with a fresh read and another try.
   */
  void beat() {
    for (int attempt = 1; ; attempt++) {
      try {
        client
            .nodes()
            .withName(nodeName)
            .editStatus(
                n -> {
                  n.getStatus().setConditions(List.of(ready()));
                  return n;
                });
        break;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 5) {
          throw e;
        }
      }
    }
    renewLease();
  }

  void deregister() {
    client.nodes().withName(nodeName).delete();
    client.leases().inNamespace(LEASE_NAMESPACE).withName(nodeName).delete();
  }

  private NodeCondition ready() {
    String now = Times.now();
    return new NodeConditionBuilder()
        .withType("Ready")
        .withStatus("True")
        .withReason("KubeletReady")
        .withMessage("the Paddock kubelet harness is posting ready status")
        .withLastHeartbeatTime(now)
        .withLastTransitionTime(since)
        .build();
  }

  private void renewLease() {
    Lease lease =
        new LeaseBuilder()
            .withNewMetadata()
            .withName(nodeName)
            .withNamespace(LEASE_NAMESPACE)
            .endMetadata()
            .withNewSpec()
            .withHolderIdentity(nodeName)
            .withLeaseDurationSeconds(40)
            .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC))
            .endSpec()
            .build();
    client.leases().resource(lease).forceConflicts().serverSideApply();
  }

  private void ensureLeaseNamespace() {
    try {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder()
                  .withNewMetadata()
                  .withName(LEASE_NAMESPACE)
                  .endMetadata()
                  .build())
          .create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw e;
      }
    }
  }
}
