package dev.paddock.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.testsupport.MinioServer;
import dev.paddock.testsupport.ProcessReaper;
import dev.paddock.testsupport.TestComponents;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

/**
 * The reference a served model is compared with: {@code paddock-trainer serve} of the same archived
 * model, run on this machine from the module's jars (no container, no cluster).
 */
final class OfflineServing {

  private final MinioServer minio;

  OfflineServing(MinioServer minio) {
    this.minio = minio;
  }

  /** The body {@code POST /v1/predict} of {@code rows} answers with the model at {@code uri}. */
  String reference(String uri, String rows) throws Exception {
    int port = TestComponents.freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                TestComponents.repositoryRoot()
                    .resolve("trainer-image/bin/paddock-trainer")
                    .toString(),
                "serve",
                "--model",
                uri,
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(Files.createTempFile("reference-serve", ".log").toFile());
    builder.environment().put("PADDOCK_S3_ENDPOINT", minio.endpoint());
    builder.environment().put("PADDOCK_S3_ACCESS_KEY", minio.accessKey());
    builder.environment().put("PADDOCK_S3_SECRET_KEY", minio.secretKey());
    Process process = builder.start();
    ProcessReaper.register(process);
    try {
      URI base = URI.create("http://127.0.0.1:" + port);
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
      while (!ready(base.resolve("/readyz")) && Instant.now().isBefore(deadline)) {
        assertThat(process.isAlive()).as("the reference serve process is running").isTrue();
        Thread.sleep(250);
      }
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(base.resolve("/v1/predict"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(rows))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return response.body();
    } finally {
      ProcessReaper.terminate(process);
    }
  }

  private static boolean ready(URI uri) throws InterruptedException {
    try {
      return HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    }
  }
}
