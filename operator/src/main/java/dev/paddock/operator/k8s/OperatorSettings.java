package dev.paddock.operator.k8s;

import dev.paddock.operator.k8s.archive.StoreCredentials;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's settings, from the environment the Helm chart gives it (charts/paddock/README.md
 * lists every variable).
 *
 * @param watchNamespaces empty: all namespaces
 * @param reportKey the HMAC key of report tokens (at least 32 bytes)
 * @param trainerImage the default trainer image (serving pods of ModelDeployments); null: built-in
 * @param storeCredentials the operator's own access to the artifact store (archive reads)
 * @param listenAddress the address the report endpoint and the probes listen on; null: every
 *     interface (a pod's own network). A pod sharing its node's network can name its own IP.
 * @param retry how a failed reconcile is tried again, by every controller
 */
public record OperatorSettings(
    ClusterSettings cluster,
    Set<String> watchNamespaces,
    byte[] reportKey,
    int reportPort,
    int healthPort,
    int reconcileThreads,
    boolean leaderElection,
    String leaseName,
    String namespace,
    String podName,
    String trainerImage,
    StoreCredentials storeCredentials,
    String listenAddress,
    ReconcileRetry retry) {

  /**
   * Settings without a trainer image or store credentials of the operator's own, with the default
   * retries.
   */
  public OperatorSettings(
      ClusterSettings cluster,
      Set<String> watchNamespaces,
      byte[] reportKey,
      int reportPort,
      int healthPort,
      int reconcileThreads,
      boolean leaderElection,
      String leaseName,
      String namespace,
      String podName) {
    this(
        cluster,
        watchNamespaces,
        reportKey,
        reportPort,
        healthPort,
        reconcileThreads,
        leaderElection,
        leaseName,
        namespace,
        podName,
        null,
        StoreCredentials.NONE,
        null,
        ReconcileRetry.DEFAULT);
  }

  /** These settings with the operator's own store credentials (tests pass MinIO's). */
  public OperatorSettings withStoreCredentials(StoreCredentials credentials) {
    return new OperatorSettings(
        cluster,
        watchNamespaces,
        reportKey,
        reportPort,
        healthPort,
        reconcileThreads,
        leaderElection,
        leaseName,
        namespace,
        podName,
        trainerImage,
        credentials,
        listenAddress,
        retry);
  }

  /** These settings with other retries (tests that wait out a refusal take quicker ones). */
  public OperatorSettings withRetry(ReconcileRetry other) {
    return new OperatorSettings(
        cluster,
        watchNamespaces,
        reportKey,
        reportPort,
        healthPort,
        reconcileThreads,
        leaderElection,
        leaseName,
        namespace,
        podName,
        trainerImage,
        storeCredentials,
        listenAddress,
        other);
  }

  public static OperatorSettings fromEnv(Map<String, String> env) {
    String key = required(env, "PADDOCK_REPORT_KEY");
    ClusterSettings cluster =
        new ClusterSettings(
            required(env, "PADDOCK_REPORT_URL"),
            required(env, "PADDOCK_ARTIFACT_ROOT"),
            env.get("PADDOCK_S3_ENDPOINT"),
            env.get("PADDOCK_S3_SECRET"),
            env.get("PADDOCK_GPU_RESOURCE"),
            blankToNull(env.get("PADDOCK_COLLECTOR_IMAGE")));
    return new OperatorSettings(
        cluster,
        Arrays.stream(env.getOrDefault("PADDOCK_WATCH_NAMESPACES", "").split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet()),
        key.getBytes(StandardCharsets.UTF_8),
        integer(env, "PADDOCK_REPORT_PORT", 8080),
        integer(env, "PADDOCK_METRICS_PORT", 8081),
        integer(env, "PADDOCK_RECONCILE_THREADS", 10),
        Boolean.parseBoolean(env.getOrDefault("PADDOCK_LEADER_ELECTION", "true")),
        env.getOrDefault("PADDOCK_LEADER_ELECTION_LEASE", "paddock-operator"),
        env.getOrDefault("PADDOCK_NAMESPACE", "default"),
        env.getOrDefault("PADDOCK_POD_NAME", "paddock-operator"),
        env.get("PADDOCK_TRAINER_IMAGE"),
        StoreCredentials.fromEnv(env),
        blankToNull(env.get("PADDOCK_LISTEN_ADDRESS")),
        retry(env));
  }

  private static ReconcileRetry retry(Map<String, String> env) {
    ReconcileRetry fallback = ReconcileRetry.DEFAULT;
    return new ReconcileRetry(
        integer(env, "PADDOCK_RETRY_ATTEMPTS", fallback.attempts()),
        Duration.ofMillis(
            integer(env, "PADDOCK_RETRY_INTERVAL_MILLIS", (int) fallback.interval().toMillis())),
        decimal(env, "PADDOCK_RETRY_MULTIPLIER", fallback.multiplier()),
        Duration.ofSeconds(
            integer(env, "PADDOCK_RETRY_RECHECK_SECONDS", (int) fallback.recheck().toSeconds())));
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must be set (the Helm chart sets it)");
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Where a server on {@code port} listens: {@link #listenAddress}, or every interface. */
  public InetSocketAddress listenOn(int port) {
    return listenAddress == null
        ? new InetSocketAddress(port)
        : new InetSocketAddress(listenAddress, port);
  }

  private static double decimal(Map<String, String> env, String name, double fallback) {
    String value = env.get(name);
    try {
      return value == null || value.isBlank() ? fallback : Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, not '" + value + "'", e);
    }
  }

  private static int integer(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    try {
      return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, not '" + value + "'", e);
    }
  }
}
