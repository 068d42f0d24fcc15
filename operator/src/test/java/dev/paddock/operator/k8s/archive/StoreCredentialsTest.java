package dev.paddock.operator.k8s.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreCredentialsTest {

  @Test
  void comeFromTheEnvironmentTheChartMapsTheSecretInto() {
    StoreCredentials credentials =
        StoreCredentials.fromEnv(
            Map.of("PADDOCK_S3_ACCESS_KEY", "AKIA-1", "PADDOCK_S3_SECRET_KEY", "s3cr3t"));

    assertThat(credentials.accessKey()).isEqualTo("AKIA-1");
    assertThat(credentials.secretKey()).isEqualTo("s3cr3t");
    assertThat(StoreCredentials.fromEnv(Map.of()).present()).isFalse();
  }

  @Test
  void neverShowInText() {
    StoreCredentials credentials = new StoreCredentials("AKIA-1", "s3cr3t");

    assertThat(credentials.toString()).doesNotContain("AKIA-1").doesNotContain("s3cr3t");
    assertThat("" + java.util.List.of(credentials)).doesNotContain("s3cr3t");
  }
}
