package dev.paddock.testsupport;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Kueue's controller ({@code sigs.k8s.io/kueue/cmd/kueue}, built by {@code scripts/test-env.sh})
 * run against a {@link KubeCluster} as a local process, as the other components are: its CRDs
 * applied from the same release, its webhooks served on loopback with a certificate this class
 * makes (a self-signed CA and a serving certificate for 127.0.0.1, with {@code openssl}), and
 * registered with the API server by URL. Kueue manages {@code batch/v1} Jobs that name a LocalQueue
 * ({@code kueue.x-k8s.io/queue-name}) and no other; it needs the controller manager's Job
 * controller ({@link ClusterControllers}) to run the Jobs it admits.
 *
 * <p>Kueue reads a certificate for its metrics server from a fixed path, {@code
 * /etc/kueue/metrics/certs}, whenever its own certificate management is off (its metrics server is
 * off here, but the file must exist): the serving certificate is copied there if none is, and
 * removed on close.
 *
 * <p>Close it before the cluster: its webhook configurations are removed first, so that the API
 * server does not call a webhook that is gone (they fail closed) for the Jobs of later tests.
 */
public final class KueueServer implements AutoCloseable {

  /** The names the webhook configurations get in the cluster. */
  static final String MUTATING = "paddock-test-kueue-mutating";

  static final String VALIDATING = "paddock-test-kueue-validating";

  private final KubernetesClient client;
  private final Path workDir;
  private final Process process;
  private final String version;
  private final boolean placedMetricsCerts;

  /**
   * Where Kueue reads its metrics server's certificate when its internal certificate management is
   * off: a fixed path (cmd/kueue/main.go), read at start even with the metrics server disabled.
   */
  static final Path METRICS_CERTS = Path.of("/etc/kueue/metrics/certs");

  private KueueServer(
      KubernetesClient client,
      Path workDir,
      Process process,
      String version,
      boolean placedMetricsCerts) {
    this.placedMetricsCerts = placedMetricsCerts;
    this.client = client;
    this.workDir = workDir;
    this.process = process;
    this.version = version;
  }

  /** The release this cache holds ({@code <cache>/bin/kueue.version}), e.g. {@code v0.17.0}. */
  public static String installedVersion() {
    Path binary = TestComponents.binary("kueue");
    try {
      return Files.readString(binary.resolveSibling("kueue.version")).strip();
    } catch (IOException e) {
      throw new IllegalStateException(
          "no version beside " + binary + ": run `scripts/test-env.sh install`", e);
    }
  }

  /** Applies Kueue's CRDs, starts Kueue, waits for it to be ready and registers its webhooks. */
  public static KueueServer start(KubeCluster cluster) {
    String version = installedVersion();
    Path release = TestComponents.cacheDir().resolve("kueue").resolve(version);
    if (!Files.exists(release.resolve("manifests.done"))) {
      throw new IllegalStateException(
          "no Kueue manifests under " + release + ": run `scripts/test-env.sh install`");
    }
    KubernetesClient client = cluster.client();
    Crds.install(client, release.resolve("crds"));
    try {
      Path workDir = Files.createTempDirectory("paddock-kueue-");
      Path certs = Files.createDirectories(workDir.resolve("certs"));
      LoopbackCertificates.make(certs);
      boolean placedMetricsCerts = placeMetricsCertificates(certs);
      int webhookPort = TestComponents.freePort();
      int healthPort = TestComponents.freePort();
      int visibilityPort = TestComponents.freePort();
      Path config =
          Files.writeString(
              workDir.resolve("config.yaml"), configuration(certs, webhookPort, healthPort));
      Path kubeconfig = Files.writeString(workDir.resolve("kubeconfig.yaml"), cluster.kubeconfig());
      if (client.namespaces().withName("kueue-system").get() == null) {
        client
            .namespaces()
            .resource(
                new NamespaceBuilder()
                    .withNewMetadata()
                    .withName("kueue-system")
                    .endMetadata()
                    .build())
            .create();
      }
      ProcessBuilder builder =
          new ProcessBuilder(
                  TestComponents.binary("kueue").toString(),
                  "--config=" + config,
                  "--visibility-server-port=" + visibilityPort,
                  "--feature-gates=VisibilityOnDemand=false",
                  "--zap-log-level=2")
              .redirectErrorStream(true)
              .redirectOutput(workDir.resolve("kueue.log").toFile());
      builder.environment().put("KUBECONFIG", kubeconfig.toString());
      Process process = builder.start();
      ProcessReaper.register(process);
      KueueServer kueue = new KueueServer(client, workDir, process, version, placedMetricsCerts);
      try {
        kueue.awaitReady(healthPort);
        kueue.registerWebhooks(
            release.resolve("webhooks.yaml"),
            "https://127.0.0.1:" + webhookPort,
            Files.readAllBytes(certs.resolve("ca.crt")));
      } catch (RuntimeException e) {
        kueue.close();
        throw e;
      }
      return kueue;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Kueue's configuration: webhooks on loopback with the given certificates, no leader election.
   */
  private static String configuration(Path certs, int webhookPort, int healthPort) {
    return """
        apiVersion: config.kueue.x-k8s.io/v1beta2
        kind: Configuration
        namespace: kueue-system
        manageJobsWithoutQueueName: false
        health:
          healthProbeBindAddress: 127.0.0.1:%d
        metrics:
          bindAddress: "0"
        webhook:
          host: 127.0.0.1
          port: %d
          certDir: %s
        leaderElection:
          leaderElect: false
        internalCertManagement:
          enable: false
        integrations:
          frameworks:
          - batch/job
        """
        .formatted(healthPort, webhookPort, certs);
  }

  /**
   * Puts a certificate where Kueue insists on reading one for its metrics server ({@link
   * #METRICS_CERTS}), unless one is there; true if this call put it there (and close removes it).
   */
  private static boolean placeMetricsCertificates(Path certs) {
    if (Files.exists(METRICS_CERTS.resolve("tls.crt"))
        && Files.exists(METRICS_CERTS.resolve("tls.key"))) {
      return false;
    }
    try {
      Files.createDirectories(METRICS_CERTS);
      Files.copy(certs.resolve("tls.crt"), METRICS_CERTS.resolve("tls.crt"));
      Files.copy(certs.resolve("tls.key"), METRICS_CERTS.resolve("tls.key"));
      return true;
    } catch (IOException e) {
      throw new IllegalStateException(
          "Kueue reads a metrics certificate from "
              + METRICS_CERTS
              + " whatever its configuration says, and it cannot be written there (the tests run"
              + " as root on Linux)",
          e);
    }
  }

  /** Ready: certificates loaded and the webhook server listening (Kueue's own readyz check). */
  private void awaitReady(int healthPort) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest readyz =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/readyz"))
            .timeout(Duration.ofSeconds(2))
            .build();
    Instant deadline = Instant.now().plusSeconds(120);
    while (true) {
      try {
        if (http.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Kueue did not become ready; see " + log());
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * The release's webhook configurations, with only the webhooks this Kueue serves (its own kinds
   * and {@code batch/v1} Jobs: the other integrations are off, and a webhook nobody serves fails
   * closed), each pointed at the loopback URL with the test CA.
   */
  private void registerWebhooks(Path manifests, String base, byte[] caBundle) {
    String ca = Base64.getEncoder().encodeToString(caBundle);
    List<HasMetadata> items;
    try (InputStream in = Files.newInputStream(manifests)) {
      items = client.load(in).items();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (HasMetadata item : items) {
      if (item instanceof MutatingWebhookConfiguration mutating) {
        List<MutatingWebhook> kept = new ArrayList<>();
        for (MutatingWebhook webhook : mutating.getWebhooks()) {
          if (served(webhook.getClientConfig())) {
            webhook.setClientConfig(loopback(webhook.getClientConfig(), base, ca));
            kept.add(webhook);
          }
        }
        if (kept.isEmpty()) {
          throw new IllegalStateException("no webhook of Kueue's to register in " + manifests);
        }
        mutating.setWebhooks(kept);
        mutating.getMetadata().setName(MUTATING);
        client.resource(mutating).forceConflicts().serverSideApply();
      } else if (item instanceof ValidatingWebhookConfiguration validating) {
        List<ValidatingWebhook> kept = new ArrayList<>();
        for (ValidatingWebhook webhook : validating.getWebhooks()) {
          if (served(webhook.getClientConfig())) {
            webhook.setClientConfig(loopback(webhook.getClientConfig(), base, ca));
            kept.add(webhook);
          }
        }
        if (kept.isEmpty()) {
          throw new IllegalStateException("no webhook of Kueue's to register in " + manifests);
        }
        validating.setWebhooks(kept);
        validating.getMetadata().setName(VALIDATING);
        client.resource(validating).forceConflicts().serverSideApply();
      }
    }
  }

  private static boolean served(WebhookClientConfig config) {
    String path = config.getService() == null ? "" : config.getService().getPath();
    return path.contains("-kueue-x-k8s-io-") || path.endsWith("-batch-v1-job");
  }

  private static WebhookClientConfig loopback(WebhookClientConfig config, String base, String ca) {
    WebhookClientConfig url = new WebhookClientConfig();
    url.setUrl(base + config.getService().getPath());
    url.setCaBundle(ca);
    return url;
  }

  /** The release running, e.g. {@code v0.17.0}. */
  public String version() {
    return version;
  }

  /** Kueue's log, for a failing test's message. */
  public Path log() {
    return workDir.resolve("kueue.log");
  }

  @Override
  public void close() {
    client.admissionRegistration().v1().mutatingWebhookConfigurations().withName(MUTATING).delete();
    client
        .admissionRegistration()
        .v1()
        .validatingWebhookConfigurations()
        .withName(VALIDATING)
        .delete();
    ProcessReaper.terminate(process);
    if (placedMetricsCerts) {
      // The two files, then each directory up to /etc/kueue that is left empty.
      try {
        Files.deleteIfExists(METRICS_CERTS.resolve("tls.crt"));
        Files.deleteIfExists(METRICS_CERTS.resolve("tls.key"));
        for (Path dir = METRICS_CERTS; !dir.equals(Path.of("/etc")); dir = dir.getParent()) {
          Files.deleteIfExists(dir);
        }
      } catch (IOException notEmpty) {
        // something else lives there: leave it
      }
    }
    if (!Boolean.getBoolean("paddock.keepLogs")) {
      TestComponents.deleteRecursively(workDir);
    }
  }
}
