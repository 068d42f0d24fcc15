package dev.paddock.operator.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.contract.store.S3Store;
import dev.paddock.contract.store.StoreUnavailableException;
import dev.paddock.operator.grading.Grade;
import dev.paddock.testsupport.MinioExtension;
import dev.paddock.testsupport.MinioServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The S3 store and the archive against a real MinIO, including an outage. */
@ExtendWith(MinioExtension.class)
class S3StoreIT {

  private static final ArchiveCandidate TRIAL =
      new ArchiveCandidate("s-1", 1, "S-S-1", Grade.S, 0.97, Map.of("lr", "0.01"));

  private final MinioServer minio;
  private S3Store store;

  S3StoreIT(MinioServer minio) {
    this.minio = minio;
  }

  @BeforeEach
  void bucket() {
    minio.start();
    minio.createBucket("paddock");
    store =
        S3Store.connect(
            "s3://paddock/team/", minio.endpoint(), minio.accessKey(), minio.secretKey());
    store.deletePrefix("");
    String trial = ArchiveKeys.trial("ns", "s", "s-1");
    store.put(trial + "model/weights.params", new byte[] {4, 5, 6});
    store.put(trial + "metadata.json", "{}".getBytes(StandardCharsets.UTF_8));
    store.put(trial + "epoch_metrics.csv", "epoch,val_f1\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void objectsLiveUnderThePrefixAndCopyServerSide() {
    store.copy("studies/ns/s/trials/s-1/metadata.json", "elsewhere/metadata.json");

    assertThat(store.list("studies/ns/s/trials/s-1/"))
        .containsExactly(
            "studies/ns/s/trials/s-1/epoch_metrics.csv",
            "studies/ns/s/trials/s-1/metadata.json",
            "studies/ns/s/trials/s-1/model/weights.params");
    assertThat(store.get("elsewhere/metadata.json"))
        .hasValueSatisfying(b -> assertThat(b).isEqualTo("{}".getBytes(StandardCharsets.UTF_8)));
    assertThat(store.get("missing")).isEmpty();
    assertThat(store.uri("studies/")).isEqualTo("s3://paddock/team/studies/");
    store.deletePrefix("elsewhere/");
    assertThat(store.list("elsewhere/")).isEmpty();
  }

  @Test
  void anArchiveInMinioIsCompleteAndVerified() {
    Archiver archiver = new Archiver(store);

    String uri = archiver.archive("ns", "s", TRIAL, Map.of("study", "s"));

    assertThat(uri).isEqualTo("s3://paddock/team/archive/ns/s/S-S-1/");
    assertThat(archiver.verify("ns", "s", "S-S-1")).isTrue();
    assertThat(ArchiveIndex.read(store, "ns", "s"))
        .extracting(ArchiveIndex.Entry::code)
        .containsExactly("S-S-1");
  }

  @Test
  void aStoreOutageFailsClearlyWithoutSecretsAndTheArchiveCompletesOnceItReturns() {
    Archiver archiver = new Archiver(store);
    minio.stop();

    assertThatThrownBy(() -> archiver.archive("ns", "s", TRIAL, Map.of()))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("s3://paddock/team/")
        .hasMessageNotContaining(minio.secretKey());

    minio.start();
    assertThat(archiver.isArchived("ns", "s", "S-S-1")).isFalse();
    archiver.archive("ns", "s", TRIAL, Map.of());
    assertThat(archiver.verify("ns", "s", "S-S-1")).isTrue();
  }

  @Test
  void refusedCredentialsAreAClearFailure() {
    S3Store wrong =
        S3Store.connect("s3://paddock/", minio.endpoint(), minio.accessKey(), "not-the-secret");

    assertThatThrownBy(() -> wrong.list("studies/"))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("SignatureDoesNotMatch")
        .hasMessageNotContaining("not-the-secret");
  }
}
