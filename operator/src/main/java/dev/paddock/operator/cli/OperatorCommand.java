package dev.paddock.operator.cli;

import dev.paddock.operator.k8s.OperatorSettings;
import dev.paddock.operator.k8s.PaddockOperator;
import dev.paddock.operator.k8s.metrics.ApiRequestMetrics;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Utils;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/** {@code paddock operator}: runs the operator in a cluster, configured by its environment. */
@Command(
    name = "operator",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the Paddock operator in a cluster.",
      "It runs the reconcilers, the report endpoint and the health probes.",
      "Configured by PADDOCK_* environment variables, as the Helm chart sets them."
    })
final class OperatorCommand implements Callable<Integer> {

  /** The user agent of the operator's API requests. */
  static final String USER_AGENT = "paddock-operator/" + Paddock.VERSION;

  private final Map<String, String> env;
  private final Properties system;

  OperatorCommand() {
    this(System.getenv(), System.getProperties());
  }

  OperatorCommand(Map<String, String> env, Properties system) {
    this.env = env;
    this.system = system;
  }

  @Override
  public Integer call() throws InterruptedException {
    // Before anything makes a logger: the backend reads its level once, at the first.
    OperatorLogLevel.apply(env, system);
    OperatorSettings settings = OperatorSettings.fromEnv(env);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    KubernetesClient client = ApiRequestMetrics.client(clientConfig(), registry);
    PaddockOperator operator = PaddockOperator.start(settings, client, registry);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  operator.close();
                  client.close();
                  stopped.countDown();
                },
                "paddock-shutdown"));
    stopped.await();
    return 0;
  }

  /**
   * The in-cluster (or kubeconfig) configuration, with a user agent of its own so that the API
   * server's audit log and request metrics tell the operator's requests apart.
   */
  static Config clientConfig() {
    Config config = Config.autoConfigure(null);
    config.setUserAgent(USER_AGENT);
    return withoutNeedlessRefresh(config);
  }

  /**
   * A kubeconfig that authenticates by client certificate has no token to renew, yet fabric8's
   * token interceptor only records a refresh when it finds a token: after the first minute it would
   * read and parse the kubeconfig file again before every request (an eighth of the operator's CPU
   * under load). A provider that has no token either tells the interceptor there is nothing to
   * refresh. Tokens (in-cluster, exec plugins, OIDC) and basic auth keep fabric8's own handling.
   */
  static Config withoutNeedlessRefresh(Config config) {
    boolean certificateOnly =
        Utils.isNullOrEmpty(config.getOauthToken())
            && Utils.isNullOrEmpty(config.getAutoOAuthToken())
            && config.getOauthTokenProvider() == null
            && config.getAuthProvider() == null
            && Utils.isNullOrEmpty(config.getUsername())
            && (Utils.isNotNullOrEmpty(config.getClientCertData())
                || Utils.isNotNullOrEmpty(config.getClientCertFile()));
    if (certificateOnly) {
      config.setOauthTokenProvider(() -> null);
    }
    return config;
  }
}
