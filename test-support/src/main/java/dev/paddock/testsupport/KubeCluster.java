package dev.paddock.testsupport;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real kube-apiserver with etcd (fabric8 kube-api-test, offline, on the binaries that {@code
 * scripts/test-env.sh} built), with Paddock's CRDs installed and established.
 */
public final class KubeCluster implements AutoCloseable {

  private final KubeAPIServer server;
  private final KubernetesClient client;
  private final String kubeconfig;

  private final Thread reaper;

  private KubeCluster(KubeAPIServer server, Thread reaper) {
    this.server = server;
    this.reaper = reaper;
    this.kubeconfig = server.getKubeConfigYaml();
    this.client =
        new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build();
  }

  /** Starts etcd and kube-apiserver and installs every CRD in the given directory. */
  public static KubeCluster start(Path crdDirectory) {
    return start(crdDirectory, List.of());
  }

  /**
   * As {@link #start(Path)}, with extra kube-apiserver flags (e.g. {@code --audit-policy-file},
   * {@code --audit-log-path}), each {@code --name=value} or {@code --name}.
   */
  public static KubeCluster start(Path crdDirectory, List<String> apiServerFlags) {
    Path cache = TestComponents.cacheDir();
    if (!Files.isDirectory(cache.resolve("k8s"))) {
      throw new IllegalStateException(
          "no Kubernetes binaries under "
              + cache
              + "/k8s: run `scripts/test-env.sh install` first");
    }
    var config =
        KubeAPIServerConfigBuilder.anAPIServerConfig()
            .withTestDir(cache.toString())
            .withOfflineMode(true)
            .withApiServerVersion(System.getenv("PADDOCK_K8S_VERSION"))
            .withApiServerFlags(apiServerFlags)
            .build();
    KubeAPIServer server = new KubeAPIServer(config);
    // Stop etcd and the API server with the JVM even when a test run is aborted.
    Thread reaper = new Thread(server::stop, "paddock-kube-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
    server.start();
    KubeCluster cluster = new KubeCluster(server, reaper);
    try {
      cluster.installCrds(crdDirectory);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  public KubernetesClient client() {
    return client;
  }

  /** The kubeconfig of a cluster-admin user, for a process started by a test (e.g. kubectl). */
  public String kubeconfig() {
    return kubeconfig;
  }

  /** A fresh namespace with the given prefix, so tests sharing this cluster never collide. */
  public String createNamespace(String prefix) {
    return Namespaces.create(client, prefix);
  }

  /** Installs (server-side apply) every {@code *.yml}/{@code *.yaml} CRD and waits for it. */
  public void installCrds(Path directory) {
    Crds.install(client, directory);
  }

  @Override
  public void close() {
    client.close();
    server.stop();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // already stopping: the hook runs anyway and stop() is idempotent
    }
  }
}
