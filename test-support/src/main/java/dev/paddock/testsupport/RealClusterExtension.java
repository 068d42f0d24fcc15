package dev.paddock.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link RealCluster} for the whole test JVM, started on first use and closed (brought down, if
 * this JVM brought it up) when the JVM's tests are done. Inject {@link RealCluster}; each test
 * works in its own namespace.
 */
public final class RealClusterExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RealClusterExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RealCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(RealCluster.class, key -> new Resource(), Resource.class)
        .cluster;
  }

  private static final class Resource implements ExtensionContext.Store.CloseableResource {
    final RealCluster cluster = RealCluster.start();

    @Override
    public void close() {
      cluster.close();
    }
  }
}
