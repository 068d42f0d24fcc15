package dev.paddock.testsupport;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.UUID;

/** Namespaces of their own for tests that share a cluster. */
final class Namespaces {

  private Namespaces() {}

  /** A fresh namespace named {@code prefix-xxxxxxxx}, so tests sharing a cluster never collide. */
  static String create(KubernetesClient client, String prefix) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    return name;
  }
}
