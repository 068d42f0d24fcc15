package dev.paddock.operator.bench.chaos;

import dev.paddock.testsupport.ProcessReaper;
import dev.paddock.testsupport.TestComponents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One operator replica as an OS process of its own: {@code operator/bin/paddock operator}, the
 * launcher the image runs, configured by the environment as the Helm chart configures it (the
 * contract in charts/paddock/README.md), so that a SIGKILL is a real one and nothing it held in
 * memory survives. bench/scale starts it with its own JVM options and reads its report port and
 * metrics.
 */
public final class ChaosOperator implements AutoCloseable {

  /**
   * The chart's JVM settings, and fabric8's Reflector at debug level: it logs each informer watch
   * that the API server ends with {@code 410 Gone} ("Watch restarting due to http gone"), which the
   * suite counts.
   */
  static final List<String> JVM =
      List.of(
          "-XX:MaxRAM=512m",
          "-XX:MaxRAMPercentage=75",
          "-XX:+ExitOnOutOfMemoryError",
          "-Dorg.slf4j.simpleLogger.showDateTime=true",
          "-Dorg.slf4j.simpleLogger.log.io.fabric8.kubernetes.client.informers.impl.cache.Reflector"
              + "=debug");

  static final String HTTP_GONE = "Watch restarting due to http gone";

  /** The report key every replica is given, so that a benchmark can mint trial tokens. */
  public static final String REPORT_KEY = "chaos-report-key-chaos-report-key-0123456789";

  private final String name;
  private final Process process;
  private final int healthPort;
  private final int reportPort;
  private final Path log;
  private final HttpClient http = HttpClient.newHttpClient();

  private ChaosOperator(String name, Process process, int healthPort, int reportPort, Path log) {
    this.name = name;
    this.process = process;
    this.healthPort = healthPort;
    this.reportPort = reportPort;
    this.log = log;
  }

  /**
   * Starts a replica watching {@code namespace} (its lease there too) and waits until it answers
   * its readiness probe (served by a standby as well as by the leader).
   */
  static ChaosOperator start(
      ChaosEnv env, String namespace, String name, boolean leaderElection, Path log) {
    return start(env, namespace, name, leaderElection, log, JVM, Map.of());
  }

  /**
   * As {@link #start(ChaosEnv, String, String, boolean, Path)}, with these JVM options instead of
   * {@link #JVM} and further environment (e.g. PADDOCK_RECONCILE_THREADS).
   */
  public static ChaosOperator start(
      ChaosEnv env,
      String namespace,
      String name,
      boolean leaderElection,
      Path log,
      List<String> jvm,
      Map<String, String> extraEnv) {
    Path root = TestComponents.repositoryRoot();
    Path launcher = root.resolve("operator/bin/paddock");
    if (!Files.exists(root.resolve("operator/target/paddock.jar"))) {
      throw new IllegalStateException(
          "no operator/target/paddock.jar: run ./mvnw -pl operator -am package -DskipTests");
    }
    int healthPort = TestComponents.freePort();
    int reportPort = TestComponents.freePort();
    ProcessBuilder builder =
        new ProcessBuilder(launcher.toString(), "operator")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> environment = builder.environment();
    environment.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    environment.put("JAVA_OPTS", String.join(" ", jvm));
    environment.remove("JAVA_TOOL_OPTIONS");
    environment.put("KUBECONFIG", env.kubeconfig().toString());
    environment.put("PADDOCK_REPORT_KEY", REPORT_KEY);
    environment.put("PADDOCK_REPORT_URL", "http://paddock:8080/v1/report");
    environment.put("PADDOCK_ARTIFACT_ROOT", "s3://" + ChaosEnv.BUCKET + "/");
    environment.put("PADDOCK_S3_ENDPOINT", env.minio().endpoint());
    environment.put("PADDOCK_S3_SECRET", "paddock-store");
    environment.put("PADDOCK_S3_ACCESS_KEY", env.minio().accessKey());
    environment.put("PADDOCK_S3_SECRET_KEY", env.minio().secretKey());
    environment.put("PADDOCK_REPORT_PORT", String.valueOf(reportPort));
    environment.put("PADDOCK_METRICS_PORT", String.valueOf(healthPort));
    environment.put("PADDOCK_LEADER_ELECTION", String.valueOf(leaderElection));
    environment.put("PADDOCK_WATCH_NAMESPACES", namespace);
    environment.put("PADDOCK_NAMESPACE", namespace);
    environment.put("PADDOCK_POD_NAME", name);
    environment.putAll(extraEnv);
    try {
      Process process = builder.start();
      ProcessReaper.register(process);
      ChaosOperator operator = new ChaosOperator(name, process, healthPort, reportPort, log);
      operator.awaitReady();
      return operator;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the operator", e);
    }
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/readyz"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plusSeconds(180);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("operator " + name + " exited at start; see " + log);
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      ChaosEnv.sleep(100);
    }
    throw new IllegalStateException("operator " + name + " not ready; see " + log);
  }

  String name() {
    return name;
  }

  /** The report endpoint's port on loopback ({@code POST /v1/report}). */
  public int reportPort() {
    return reportPort;
  }

  /** The operator's Prometheus metrics ({@code /metrics} on its health port). */
  public String metrics() throws IOException {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/metrics"))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  public long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no lease handed over, nothing flushed. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ProcessReaper.forget(process);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      ProcessReaper.terminate(process);
    }
  }
}
