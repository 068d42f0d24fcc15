package dev.paddock.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import org.junit.jupiter.api.Test;

/**
 * The operator's client configuration keeps fabric8's token refresh only where there is a token.
 */
class OperatorCommandTest {

  private static final String KUBECONFIG =
      """
      apiVersion: v1
      kind: Config
      clusters: [{name: c, cluster: {server: "https://127.0.0.1:6443"}}]
      contexts: [{name: c, context: {cluster: c, user: u}}]
      current-context: c
      users: [{name: u, user: {%s}}]
      """;

  @Test
  void aCertificateKubeconfigIsNotReadAgainBeforeEveryRequest() {
    Config config =
        Config.fromKubeconfig(
            KUBECONFIG.formatted("client-certificate-data: Y2VydA==, client-key-data: a2V5"));

    OperatorCommand.withoutNeedlessRefresh(config);

    assertThat(config.getOauthTokenProvider()).isNotNull();
    assertThat(config.getOauthTokenProvider().getToken()).isNull();
  }

  @Test
  void aTokenKubeconfigKeepsFabric8sRefresh() {
    Config config = Config.fromKubeconfig(KUBECONFIG.formatted("token: abc"));

    OperatorCommand.withoutNeedlessRefresh(config);

    assertThat(config.getOauthTokenProvider()).isNull();
  }
}
