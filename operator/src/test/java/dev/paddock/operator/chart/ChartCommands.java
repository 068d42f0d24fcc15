package dev.paddock.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.TestComponents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The README's commands against the test cluster: {@code helm} (its caches kept in a work
 * directory, out of the user's home) and {@code kubectl}, with the cluster's kubeconfig.
 */
final class ChartCommands implements AutoCloseable {

  static final Path CHART = TestComponents.repositoryRoot().resolve("charts").resolve("paddock");

  private final Path work;
  private final Path kubeconfig;
  private final Path helm;
  private final Path kubectl;

  ChartCommands(KubeCluster cluster) {
    this(cluster.kubeconfig());
  }

  /** Commands against the cluster of this kubeconfig (YAML), such as the real node's. */
  ChartCommands(String kubeconfigYaml) {
    try {
      work = Files.createTempDirectory("paddock-helm-it");
      kubeconfig = Files.writeString(work.resolve("kubeconfig"), kubeconfigYaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    helm = TestComponents.binary("helm");
    kubectl = TestComponents.k8sBinary("kubectl");
  }

  /**
   * {@code helm template <release> charts/paddock --namespace <namespace> <args>}, which must work.
   */
  String template(String release, String namespace, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                helm.toString(), "template", release, CHART.toString(), "--namespace", namespace));
    command.addAll(List.of(args));
    Result result = run(command, null);
    assertThat(result.exit()).as(result.toString()).isZero();
    return result.out();
  }

  /** {@code helm <args> --kubeconfig ...}. */
  Result helm(String... args) {
    List<String> command = new ArrayList<>(List.of(helm.toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--kubeconfig", kubeconfig.toString()));
    return run(command, null);
  }

  /** {@code helm <args>}, with no cluster. */
  Result helmOffline(String... args) {
    List<String> command = new ArrayList<>(List.of(helm.toString()));
    command.addAll(List.of(args));
    return run(command, null);
  }

  /** {@code kubectl --kubeconfig ... <args>}, with {@code stdin} if not null. */
  Result kubectl(String stdin, String... args) {
    List<String> command =
        new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    return run(command, stdin);
  }

  /**
   * {@code ... | kubectl apply --server-side --force-conflicts -f -}, the README's command: the API
   * server validates every object. Forcing takes over fields another manager set (here the CRDs the
   * test cluster installed through fabric8; on a cluster, a previous install's).
   */
  void apply(String manifests, String namespace) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "apply",
                "--server-side",
                "--force-conflicts",
                "--field-manager=paddock-helm-it",
                "-f",
                "-"));
    if (namespace != null) {
      args.addAll(List.of("--namespace", namespace));
    }
    Result result = kubectl(manifests, args.toArray(String[]::new));
    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.err()).as(result.toString()).doesNotContain("Warning");
  }

  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private Result run(List<String> command, String stdin) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command);
      Map<String, String> env = builder.environment();
      env.put("HELM_CACHE_HOME", work.resolve("helm/cache").toString());
      env.put("HELM_CONFIG_HOME", work.resolve("helm/config").toString());
      env.put("HELM_DATA_HOME", work.resolve("helm/data").toString());
      env.remove("KUBECONFIG");
      Process process = builder.start();
      CompletableFuture<String> out = read(process.getInputStream());
      CompletableFuture<String> err = read(process.getErrorStream());
      try (var in = process.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("timed out: " + command);
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static CompletableFuture<String> read(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @Override
  public void close() {
    TestComponents.deleteRecursively(work);
  }
}
