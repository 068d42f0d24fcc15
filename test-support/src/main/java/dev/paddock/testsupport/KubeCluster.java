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

  /** The API server this class started again after {@link #restartApiServer}, if any. */
  private Process restarted;

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

  /**
   * Stops kube-apiserver (SIGTERM, then SIGKILL after 5 s as a kubelet with a short grace period
   * would: its graceful shutdown can otherwise wait half a minute on open watches), keeps etcd
   * running, waits {@code downtime}, then starts the same binary again with the same flags: same
   * port, certificates and etcd, so every client's kubeconfig stays valid. Every watch connection
   * breaks; the new server's watch cache starts at etcd's current revision, so a client resuming a
   * watch from an older resourceVersion gets {@code 410 Gone} and relists. Returns once the new
   * server answers {@code /readyz} and serves Paddock's CRDs again.
   */
  public synchronized void restartApiServer(java.time.Duration downtime) {
    Process running = restarted != null ? restarted : apiServerProcess();
    ProcessHandle.Info info = running.info();
    List<String> command = new java.util.ArrayList<>();
    command.add(info.command().orElseThrow(() -> new IllegalStateException("no command line")));
    command.addAll(List.of(info.arguments().orElseThrow()));
    running.destroy();
    try {
      if (!running.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        running.destroyForcibly().waitFor();
      }
      Thread.sleep(downtime.toMillis());
      Path log = Files.createTempFile("paddock-kube-apiserver-", ".log");
      restarted =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      ProcessReaper.register(restarted);
      java.time.Instant deadline = java.time.Instant.now().plusSeconds(120);
      while (true) {
        try {
          if ("ok".equals(client.raw("/readyz"))
              && client.getApiGroup("paddock.dev") != null
              && client
                      .genericKubernetesResources("paddock.dev/v1alpha1", "Trial")
                      .inAnyNamespace()
                      .list()
                  != null) {
            return;
          }
        } catch (RuntimeException notYet) {
          // still starting
        }
        if (!restarted.isAlive() || java.time.Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("kube-apiserver did not come back; see " + log);
        }
        Thread.sleep(200);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * kube-api-test's API server process, marked as stopped on purpose first: it otherwise takes an
   * API server that exits for a crash and stops etcd too.
   */
  private Process apiServerProcess() {
    try {
      java.lang.reflect.Field field = KubeAPIServer.class.getDeclaredField("kubeApiServerProcess");
      field.setAccessible(true);
      Object process = field.get(server);
      java.lang.reflect.Field stopped = process.getClass().getDeclaredField("stopped");
      stopped.setAccessible(true);
      stopped.setBoolean(process, true);
      java.lang.reflect.Field handle = process.getClass().getDeclaredField("apiServerProcess");
      handle.setAccessible(true);
      return (Process) handle.get(process);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this kube-api-test version hides its API server", e);
    }
  }

  @Override
  public void close() {
    client.close();
    if (restarted != null) {
      ProcessReaper.terminate(restarted);
    }
    server.stop();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException shuttingDown) {
      // already stopping: the hook runs anyway and stop() is idempotent
    }
  }
}
