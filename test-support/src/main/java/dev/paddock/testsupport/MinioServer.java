package dev.paddock.testsupport;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real MinIO server on a free port of loopback (or of the address given, such as the real node's,
 * where pods reach it) with a fresh data directory and random credentials. {@link #stop()} and
 * {@link #start()} keep the port and the data, so a test can simulate a store outage and its
 * return.
 */
public final class MinioServer implements AutoCloseable {

  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

  private final Path binary;
  private final Path dataDir;
  private final Path logFile;
  private final String host;
  private final int port;
  private final String accessKey = "paddock-" + UUID.randomUUID().toString().substring(0, 8);
  private final String secretKey = UUID.randomUUID().toString();
  private Process process;

  public MinioServer() {
    this("127.0.0.1");
  }

  /** A server listening on {@code host}, an address of this machine. */
  public MinioServer(String host) {
    this.host = host;
    this.binary = TestComponents.binary("minio");
    this.port = TestComponents.freePort();
    try {
      Path root = Files.createTempDirectory("paddock-minio-");
      this.dataDir = Files.createDirectories(root.resolve("data"));
      this.logFile = root.resolve("minio.log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts the server (again) and waits until it answers its readiness probe (live is too early: a
   * loaded machine then sees "Server not initialized yet").
   */
  public synchronized MinioServer start() {
    if (process != null && process.isAlive()) {
      return this;
    }
    ProcessBuilder builder =
        new ProcessBuilder(
            binary.toString(),
            "server",
            dataDir.toString(),
            "--address",
            host + ":" + port,
            "--console-address",
            host + ":" + TestComponents.freePort());
    builder.environment().put("MINIO_ROOT_USER", accessKey);
    builder.environment().put("MINIO_ROOT_PASSWORD", secretKey);
    builder.environment().put("MINIO_BROWSER", "off");
    builder.environment().put("MINIO_UPDATE", "off");
    builder
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + binary, e);
    }
    ProcessReaper.register(process);
    awaitReady();
    return this;
  }

  /** Stops the server, keeping its data directory and port for a later {@link #start()}. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    ProcessReaper.terminate(process);
    process = null;
  }

  @Override
  public void close() {
    stop();
    TestComponents.deleteRecursively(dataDir.getParent());
  }

  public String endpoint() {
    return "http://" + host + ":" + port;
  }

  public int port() {
    return port;
  }

  public String accessKey() {
    return accessKey;
  }

  public String secretKey() {
    return secretKey;
  }

  /**
   * A Secret named {@code name} holding this server's keys as {@code accessKey} and {@code
   * secretKey}, the shape of the store Secret the Helm chart and trial pods read.
   */
  public io.fabric8.kubernetes.api.model.Secret credentialsSecret(String name) {
    return new io.fabric8.kubernetes.api.model.SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .addToStringData("accessKey", accessKey)
        .addToStringData("secretKey", secretKey)
        .build();
  }

  public MinioClient client() {
    return MinioClient.builder().endpoint(endpoint()).credentials(accessKey, secretKey).build();
  }

  /** The keys under {@code prefix} in {@code bucket}, at any depth. */
  public java.util.List<String> keys(String bucket, String prefix) {
    java.util.List<String> keys = new java.util.ArrayList<>();
    try {
      for (io.minio.Result<io.minio.messages.Item> item :
          client()
              .listObjects(
                  io.minio.ListObjectsArgs.builder()
                      .bucket(bucket)
                      .prefix(prefix)
                      .recursive(true)
                      .build())) {
        keys.add(item.get().objectName());
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot list " + bucket + "/" + prefix, e);
    }
    return keys;
  }

  /** Creates a bucket if it does not exist yet. */
  public void createBucket(String bucket) {
    try {
      MinioClient client = client();
      if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not create bucket " + bucket, e);
    }
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create(endpoint() + "/minio/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("MinIO exited at start; see " + logFile);
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for MinIO", e);
      }
      sleep(100);
    }
    throw new IllegalStateException(
        "MinIO not ready after " + STARTUP_TIMEOUT + "; see " + logFile);
  }

  private static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
