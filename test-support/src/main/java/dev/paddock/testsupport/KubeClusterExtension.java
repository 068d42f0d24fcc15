package dev.paddock.testsupport;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real API server for the whole test JVM (it takes seconds to start), with the Paddock CRDs
 * from {@code crds/manifests} installed; stopped when the JVM's tests are done. Inject {@link
 * KubeCluster} or {@link KubernetesClient}. Tests share the cluster, so each should work in its own
 * namespace ({@link KubeCluster#createNamespace}).
 */
public final class KubeClusterExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KubeClusterExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == KubeCluster.class || type == KubernetesClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    KubeCluster cluster = cluster(context);
    return parameter.getParameter().getType() == KubeCluster.class ? cluster : cluster.client();
  }

  /** The JVM-wide cluster, started on first use. */
  public static KubeCluster cluster(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(KubeCluster.class, key -> new Resource(), Resource.class)
        .cluster;
  }

  private static final class Resource implements ExtensionContext.Store.CloseableResource {
    final KubeCluster cluster = KubeCluster.start(Crds.directory());

    @Override
    public void close() {
      cluster.close();
    }
  }
}
