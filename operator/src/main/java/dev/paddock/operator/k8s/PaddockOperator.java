package dev.paddock.operator.k8s;

import com.sun.net.httpserver.HttpServer;
import dev.paddock.operator.epochreport.ReportServer;
import dev.paddock.operator.epochreport.ReportTokens;
import dev.paddock.operator.k8s.archive.OperatorStore;
import dev.paddock.operator.k8s.archive.StoreCredentials;
import dev.paddock.operator.k8s.epochreport.ClusterReports;
import dev.paddock.operator.k8s.metrics.TrialPhaseGauges;
import dev.paddock.operator.k8s.serving.ModelDeploymentReconciler;
import dev.paddock.operator.k8s.serving.ServingSettings;
import dev.paddock.operator.k8s.study.TrainingStudyReconciler;
import dev.paddock.operator.k8s.trial.TrialReconciler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The operator process: the reconcilers (on the watched namespaces, with leader election), the
 * report endpoint trainers POST to (served by every replica, leader or not, so a standby answers
 * too), and health probes.
 */
public final class PaddockOperator implements AutoCloseable {

  /**
   * Threads answering reports. A report's work is mostly waiting: on the API server when it writes
   * the trial's progress (at most ten times per trial, {@code ProgressWrites}) or reads a study
   * first seen. With 8, 1,000 trainers reporting every second queued behind a few slow writes on a
   * busy API server (bench/scale).
   */
  static final int REPORT_THREADS = 32;

  private final Operator operator;
  private final ReportServer reports;
  private final HttpServer health;
  private final TrialCache trials;
  private final Leadership leadership;

  private PaddockOperator(
      Operator operator,
      ReportServer reports,
      HttpServer health,
      TrialCache trials,
      Leadership leadership) {
    this.operator = operator;
    this.leadership = leadership;
    this.reports = reports;
    this.health = health;
    this.trials = trials;
  }

  public static PaddockOperator start(OperatorSettings settings, KubernetesClient client) {
    return start(settings, client, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /**
   * @param storeCredentials the artifact store's keys (the chart maps the store Secret into the
   *     operator's environment; tests pass them here)
   */
  public static PaddockOperator start(
      OperatorSettings settings, KubernetesClient client, StoreCredentials storeCredentials) {
    return start(settings.withStoreCredentials(storeCredentials), client);
  }

  /**
   * Starts the operator, its metrics in {@code registry} (where a client made by {@link
   * dev.paddock.operator.k8s.metrics.ApiRequestMetrics#client} counts its API requests).
   */
  public static PaddockOperator start(
      OperatorSettings settings, KubernetesClient client, PrometheusMeterRegistry registry) {
    Clock clock = Clock.systemUTC();
    ReportTokens tokens = new ReportTokens(settings.reportKey());
    Leadership leadership = new Leadership();
    // Heap and CPU of the process, so its footprint can be watched (and benchmarked).
    new JvmMemoryMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    Operator operator =
        new Operator(
            o -> {
              o.withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry));
              o.withKubernetesClient(client)
                  .withCloseClientOnStop(false)
                  .withConcurrentReconciliationThreads(settings.reconcileThreads());
              if (settings.leaderElection()) {
                o.withLeaderElectionConfiguration(leadership.configuration(settings));
              }
            });
    // One store for the operator's own reads and writes (archive, retention, serving sources).
    OperatorStore store = new OperatorStore(settings.cluster(), settings.storeCredentials());
    // One watch of Trials for the whole process (report endpoint, studies, gauges).
    TrialCache trials = TrialCache.start(client, settings.watchNamespaces());
    operator.register(
        new TrainingStudyReconciler(clock, store, trials, settings.retry()),
        c -> configure(c, settings));
    TrialPhaseGauges.register(registry, trials);
    ClusterReports clusterReports = new ClusterReports(client, trials);
    operator.register(
        new TrialReconciler(
            settings.cluster(), tokens, clock, clusterReports::forget, settings.retry()),
        c -> configure(c, settings));
    operator.register(
        new ModelDeploymentReconciler(
            new ServingSettings(settings.cluster(), settings.trainerImage(), null),
            store.get(),
            clock,
            settings.retry()),
        c -> configure(c, settings));
    Timer latency = registry.timer("paddock.report.latency");
    ReportServer reports =
        ReportServer.start(
            settings.listenOn(settings.reportPort()),
            tokens,
            report -> latency.record(() -> clusterReports.onEpoch(report)),
            REPORT_THREADS);
    HttpServer health = health(settings.listenOn(settings.healthPort()), registry);
    operator.start();
    return new PaddockOperator(operator, reports, health, trials, leadership);
  }

  /** Every controller watches the settings' namespaces and retries as they say. */
  private static void configure(
      io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider<?> config,
      OperatorSettings settings) {
    config.withRetry(settings.retry().sdkRetry());
    if (!settings.watchNamespaces().isEmpty()) {
      config.settingNamespaces(settings.watchNamespaces());
    }
  }

  /**
   * {@code /healthz} and {@code /readyz} (the process is up and its servers answer) and {@code
   * /metrics} (Prometheus: the operator SDK's reconcile metrics, Paddock's report latency, and the
   * JVM's memory and CPU).
   */
  private static HttpServer health(InetSocketAddress address, PrometheusMeterRegistry registry) {
    try {
      HttpServer server = HttpServer.create(address, 16);
      for (String path : new String[] {"/healthz", "/readyz"}) {
        server.createContext(
            path,
            exchange -> {
              byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(200, ok.length);
              exchange.getResponseBody().write(ok);
              exchange.close();
            });
      }
      server.createContext(
          "/metrics",
          exchange -> {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve health probes on " + address, e);
    }
  }

  public int reportPort() {
    return reports.url().getPort();
  }

  public int healthPort() {
    return health.getAddress().getPort();
  }

  @Override
  public void close() {
    leadership.closing();
    operator.stop();
    reports.close();
    health.stop(0);
    trials.close();
  }
}
