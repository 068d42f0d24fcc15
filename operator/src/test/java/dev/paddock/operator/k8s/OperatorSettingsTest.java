package dev.paddock.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorSettingsTest {

  private static final Map<String, String> CHART =
      Map.of(
          "PADDOCK_REPORT_KEY", "k".repeat(48),
          "PADDOCK_REPORT_URL", "http://paddock.paddock-system.svc:8080/v1/report",
          "PADDOCK_ARTIFACT_ROOT", "s3://paddock",
          "PADDOCK_S3_ENDPOINT", "http://minio:9000",
          "PADDOCK_S3_SECRET", "paddock-store",
          "PADDOCK_WATCH_NAMESPACES", "team-a, team-b",
          "PADDOCK_LEADER_ELECTION", "true",
          "PADDOCK_NAMESPACE", "paddock-system");

  @Test
  void readsWhatTheHelmChartSets() {
    OperatorSettings settings = OperatorSettings.fromEnv(CHART);

    assertThat(settings.watchNamespaces()).containsExactlyInAnyOrder("team-a", "team-b");
    assertThat(settings.cluster().artifactRoot()).isEqualTo("s3://paddock/");
    assertThat(settings.cluster().storeSecret()).isEqualTo("paddock-store");
    assertThat(settings.cluster().gpuResource()).isEqualTo("nvidia.com/gpu");
    assertThat(settings.reportPort()).isEqualTo(8080);
    assertThat(settings.healthPort()).isEqualTo(8081);
    assertThat(settings.leaderElection()).isTrue();
    assertThat(settings.namespace()).isEqualTo("paddock-system");
  }

  @Test
  void theServersListenOnEveryInterfaceUnlessAnAddressIsGiven() {
    assertThat(OperatorSettings.fromEnv(CHART).listenOn(8080).getAddress().isAnyLocalAddress())
        .isTrue();
    var env = new java.util.HashMap<>(CHART);
    env.put("PADDOCK_LISTEN_ADDRESS", " 127.0.3.4 ");

    assertThat(OperatorSettings.fromEnv(env).listenOn(8081))
        .isEqualTo(new java.net.InetSocketAddress("127.0.3.4", 8081));
  }

  @Test
  void missingOrMalformedSettingsAreNamed() {
    assertThatThrownBy(() -> OperatorSettings.fromEnv(Map.of()))
        .hasMessage("PADDOCK_REPORT_KEY must be set (the Helm chart sets it)");
    var bad = new java.util.HashMap<>(CHART);
    bad.put("PADDOCK_RECONCILE_THREADS", "many");
    assertThatThrownBy(() -> OperatorSettings.fromEnv(bad))
        .hasMessage("PADDOCK_RECONCILE_THREADS must be a number, not 'many'");
  }

  @Test
  void readsTheTrainerImageAndTheStoreCredentialsWithoutPrintingThem() {
    var env = new java.util.HashMap<>(CHART);
    env.put("PADDOCK_TRAINER_IMAGE", "paddock/trainer:0.1.0");
    env.put("PADDOCK_S3_ACCESS_KEY", "access-1234");
    env.put("PADDOCK_S3_SECRET_KEY", "secret-5678");

    OperatorSettings settings = OperatorSettings.fromEnv(env);

    assertThat(settings.trainerImage()).isEqualTo("paddock/trainer:0.1.0");
    assertThat(settings.storeCredentials().accessKey()).isEqualTo("access-1234");
    assertThat(settings.storeCredentials().secretKey()).isEqualTo("secret-5678");
    assertThat(settings.toString()).doesNotContain("access-1234").doesNotContain("secret-5678");
    assertThat(OperatorSettings.fromEnv(CHART).storeCredentials().present()).isFalse();
  }

  @Test
  void retriesAreTheOperatorSdksUnlessTheChartSaysOtherwise() {
    assertThat(OperatorSettings.fromEnv(CHART).retry()).isEqualTo(ReconcileRetry.DEFAULT);
    var env = new java.util.HashMap<>(CHART);
    env.put("PADDOCK_RETRY_ATTEMPTS", "3");
    env.put("PADDOCK_RETRY_INTERVAL_MILLIS", "5000");
    env.put("PADDOCK_RETRY_MULTIPLIER", "2");
    env.put("PADDOCK_RETRY_RECHECK_SECONDS", "300");

    ReconcileRetry retry = OperatorSettings.fromEnv(env).retry();

    assertThat(retry)
        .isEqualTo(
            new ReconcileRetry(
                3, java.time.Duration.ofSeconds(5), 2.0, java.time.Duration.ofMinutes(5)));
    var sdk = (io.javaoperatorsdk.operator.processing.retry.GenericRetry) retry.sdkRetry();
    assertThat(sdk.getMaxAttempts()).isEqualTo(3);
    assertThat(sdk.getInitialInterval()).isEqualTo(5000);
    assertThat(sdk.getIntervalMultiplier()).isEqualTo(2.0);
    assertThat(sdk.getMaxInterval())
        .as("no retry waits longer than the recheck")
        .isEqualTo(300_000);
  }

  @Test
  void retrySettingsOutOfRangeAreRefusedWithTheirName() {
    var env = new java.util.HashMap<>(CHART);
    env.put("PADDOCK_RETRY_MULTIPLIER", "0.5");
    assertThatThrownBy(() -> OperatorSettings.fromEnv(env))
        .hasMessage("the retry multiplier (PADDOCK_RETRY_MULTIPLIER) must be 1 or more");
    env.put("PADDOCK_RETRY_MULTIPLIER", "1");
    env.put("PADDOCK_RETRY_ATTEMPTS", "-1");
    assertThatThrownBy(() -> OperatorSettings.fromEnv(env))
        .hasMessage("retry attempts (PADDOCK_RETRY_ATTEMPTS) must be 0 or more");
    env.put("PADDOCK_RETRY_ATTEMPTS", "0");
    env.put("PADDOCK_RETRY_RECHECK_SECONDS", "0");
    assertThatThrownBy(() -> OperatorSettings.fromEnv(env))
        .hasMessage("the recheck interval (PADDOCK_RETRY_RECHECK_SECONDS) must be 1 s or more");
  }
}
