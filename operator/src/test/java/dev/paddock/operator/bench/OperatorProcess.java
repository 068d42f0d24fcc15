package dev.paddock.operator.bench;

import dev.paddock.testsupport.TestComponents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code paddock operator} in a JVM of its own (this JVM's class path), configured by the
 * environment as the Helm chart configures it, so that its heap is its own and its API requests
 * carry its own user agent.
 */
final class OperatorProcess implements AutoCloseable {

  private final Process process;
  private final int healthPort;
  private final HttpClient http = HttpClient.newHttpClient();

  private OperatorProcess(Process process, int healthPort) {
    this.process = process;
    this.healthPort = healthPort;
  }

  /**
   * Starts the operator watching the given namespaces and waits until it answers its probe.
   *
   * @param jvmOptions e.g. -Xmx, and fabric8 client settings as system properties
   * @param env further PADDOCK_* settings (e.g. PADDOCK_RECONCILE_THREADS)
   */
  static OperatorProcess start(
      Path kubeconfig,
      List<String> namespaces,
      List<String> jvmOptions,
      Map<String, String> env,
      Path log) {
    int healthPort = TestComponents.freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of("-cp", operatorClassPath(), "dev.paddock.operator.cli.Paddock", "operator"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> environment = builder.environment();
    environment.put("KUBECONFIG", kubeconfig.toString());
    environment.put("PADDOCK_REPORT_KEY", "bench-report-key-bench-report-key-0123456789");
    environment.put("PADDOCK_REPORT_URL", "http://paddock:8080/v1/report");
    environment.put("PADDOCK_ARTIFACT_ROOT", "s3://paddock");
    environment.put("PADDOCK_REPORT_PORT", String.valueOf(TestComponents.freePort()));
    environment.put("PADDOCK_METRICS_PORT", String.valueOf(healthPort));
    environment.put("PADDOCK_LEADER_ELECTION", "false");
    environment.put("PADDOCK_WATCH_NAMESPACES", String.join(",", namespaces));
    environment.putAll(env);
    try {
      Process process = builder.start();
      // Never leave an operator behind, even when the benchmark is interrupted.
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      OperatorProcess operator = new OperatorProcess(process, healthPort);
      operator.awaitReady(log);
      return operator;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the operator", e);
    }
  }

  /**
   * This JVM's class path without the JDK HTTP client that the test tools bring: the operator then
   * talks to the API server through the Vert.x client, as in its image.
   */
  private static String operatorClassPath() {
    return java.util.Arrays.stream(
            System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> !entry.contains("kubernetes-httpclient-jdk"))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  private void awaitReady(Path log) {
    Instant deadline = Instant.now().plusSeconds(180);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the operator exited at start; see " + log);
      }
      try {
        if (get("/readyz").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      sleep(200);
    }
    throw new IllegalStateException("the operator did not become ready; see " + log);
  }

  long pid() {
    return process.pid();
  }

  /** Heap in use right after a full GC (jcmd GC.run), from the operator's own JVM metrics. */
  long heapAfterGc() {
    try {
      Process gc =
          new ProcessBuilder("jcmd", String.valueOf(process.pid()), "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
        throw new IllegalStateException("jcmd GC.run failed on the operator");
      }
      String metrics = get("/metrics").body();
      return (long)
          metrics
              .lines()
              .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
              .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
              .sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> get(String path) throws IOException {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + path))
              .timeout(Duration.ofSeconds(30))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
