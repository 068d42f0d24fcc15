package dev.paddock.testsupport;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real cluster of {@code scripts/dev-cluster.sh}: the control plane and one real node
 * (containerd, runc, CNI, kubelet, kube-proxy, CoreDNS) with Paddock's images loaded. Started once
 * per test JVM; if this JVM started it, {@code dev-cluster.sh down} runs when the JVM exits, so a
 * test run leaves nothing running. A cluster a person already had up is used as it is (its images
 * reloaded) and left up.
 */
public final class RealCluster implements AutoCloseable {

  /** The node's address: the API server, the kubelet and anything pods must reach listen here. */
  public static final String NODE_IP = "10.244.0.1";

  public static final String NODE_NAME = "paddock-node";

  private static final Path SCRIPT =
      TestComponents.repositoryRoot().resolve("scripts").resolve("dev-cluster.sh");

  private final KubernetesClient client;
  private final String kubeconfig;
  private final boolean owned;

  private RealCluster(String kubeconfig, boolean owned) {
    this.kubeconfig = kubeconfig;
    this.owned = owned;
    this.client =
        new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build();
  }

  /** Brings the cluster up (or reuses a running one), loads the images and installs the CRDs. */
  public static RealCluster start() {
    boolean wasUp = script(List.of("status"), false).exit() == 0;
    Result up = script(List.of("up"), true);
    String path = up.out().strip().lines().reduce((a, b) -> b).orElseThrow();
    RealCluster cluster;
    try {
      cluster = new RealCluster(Files.readString(Path.of(path)), !wasUp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Crds.install(cluster.client, Crds.directory());
    return cluster;
  }

  public KubernetesClient client() {
    return client;
  }

  /** The kubeconfig of a cluster-admin user, for a process started by a test (kubectl, helm). */
  public String kubeconfig() {
    return kubeconfig;
  }

  /** A fresh namespace with the given prefix, so tests sharing this cluster never collide. */
  public String createNamespace(String prefix) {
    return Namespaces.create(client, prefix);
  }

  /** The last lines of a component's log ({@code kubelet}, {@code containerd}, ...). */
  public String log(String component) {
    Path file =
        Path.of(
            System.getenv().getOrDefault("PADDOCK_CLUSTER_DIR", defaultDir()),
            "logs",
            component + ".log");
    try {
      List<String> lines = Files.readAllLines(file);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log at " + file + ")";
    }
  }

  @Override
  public void close() {
    client.close();
    if (owned) {
      script(List.of("down"), true);
    }
  }

  private static String defaultDir() {
    return TestComponents.cacheDir().resolve("dev-cluster").toString();
  }

  private record Result(int exit, String out) {}

  private static Result script(List<String> args, boolean mustSucceed) {
    try {
      Path log = Files.createTempFile("paddock-dev-cluster", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(Stream.concat(Stream.of(SCRIPT.toString()), args.stream()).toList())
              .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(20, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("dev-cluster.sh " + args + " timed out; see " + log);
      }
      if (mustSucceed && process.exitValue() != 0) {
        throw new IllegalStateException(
            "dev-cluster.sh " + args + " failed:\n" + Files.readString(log));
      }
      return new Result(process.exitValue(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
