package dev.paddock.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real API server starts with the Paddock CRDs established and serves their resources. */
@ExtendWith(KubeClusterExtension.class)
class KubeClusterIT {

  @Test
  void theVersionIsThePinnedOne(KubernetesClient client) {
    assertThat(client.getKubernetesVersion().getGitVersion()).startsWith("v1.33.");
  }

  @Test
  void paddockCrdsAreInstalled(KubernetesClient client) {
    assertThat(client.apiextensions().v1().customResourceDefinitions().list().getItems())
        .extracting(crd -> crd.getMetadata().getName())
        .contains(
            "trainingstudies.paddock.dev", "trials.paddock.dev", "modeldeployments.paddock.dev");
  }

  @Test
  void namespacesIsolateTests(KubeCluster cluster) {
    String first = cluster.createNamespace("iso");
    String second = cluster.createNamespace("iso");
    cluster
        .client()
        .configMaps()
        .inNamespace(first)
        .resource(new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build())
        .create();

    assertThat(first).isNotEqualTo(second);
    assertThat(cluster.client().configMaps().inNamespace(second).withName("c").get()).isNull();
  }
}
