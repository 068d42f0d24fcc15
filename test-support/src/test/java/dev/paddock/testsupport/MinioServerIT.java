package dev.paddock.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real MinIO the tests rely on: objects round-trip, and survive a stop and start. */
@ExtendWith(MinioExtension.class)
class MinioServerIT {

  @Test
  void anObjectRoundTrips(MinioServer minio) throws Exception {
    minio.createBucket("paddock");
    byte[] content = "epoch,val_f1\n1,0.42\n".getBytes(StandardCharsets.UTF_8);

    put(minio.client(), "studies/ns/s/trials/s-0/epoch_metrics.csv", content);

    assertThat(get(minio.client(), "studies/ns/s/trials/s-0/epoch_metrics.csv")).isEqualTo(content);
  }

  @Test
  void dataSurvivesAnOutage(MinioServer minio) throws Exception {
    minio.createBucket("paddock");
    put(minio.client(), "kept.txt", "kept".getBytes(StandardCharsets.UTF_8));

    minio.stop();
    assertThatThrownBy(
            () ->
                minio
                    .client()
                    .statObject(
                        StatObjectArgs.builder().bucket("paddock").object("kept.txt").build()))
        .hasRootCauseInstanceOf(java.net.ConnectException.class);
    minio.start();

    assertThat(new String(get(minio.client(), "kept.txt"), StandardCharsets.UTF_8))
        .isEqualTo("kept");
  }

  @Test
  void closingLeavesNoProcessBehind() {
    MinioServer own = new MinioServer().start();
    long before = ProcessHandle.current().children().count();

    own.close();

    assertThat(ProcessHandle.current().children().count()).isEqualTo(before - 1);
  }

  private static void put(MinioClient client, String key, byte[] content) throws Exception {
    client.putObject(
        PutObjectArgs.builder().bucket("paddock").object(key).stream(
                new ByteArrayInputStream(content), content.length, -1)
            .build());
  }

  private static byte[] get(MinioClient client, String key) throws Exception {
    try (InputStream in =
        client.getObject(GetObjectArgs.builder().bucket("paddock").object(key).build())) {
      return in.readAllBytes();
    }
  }
}
