package dev.paddock.operator.k8s;

import dev.paddock.operator.k8s.archive.StoreCredentials;
import dev.paddock.operator.report.ReportTokens;
import dev.paddock.testsupport.ClusterControllers;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.MinioServer;
import dev.paddock.testsupport.TestComponents;
import dev.paddock.testsupport.kubelet.KubeletHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A control plane whose pods truly run: the real API server, scheduler and controller manager, a
 * node with two GPUs played by {@link KubeletHarness} (image {@code paddock/trainer} is the
 * repository's built trainer), a real MinIO bucket, and the operator in-process with its report
 * endpoint on loopback and its own access to the store.
 */
final class RealTrainerCluster implements AutoCloseable {

  static final String STORE_SECRET = "paddock-store";
  static final String IMAGE = "paddock/trainer:0.1.0";

  final KubeCluster cluster;
  final MinioServer minio;
  final String bucket;
  final Path trainer;
  final KubeletHarness kubelet;
  private final ClusterControllers controllers;
  private final PaddockOperator operator;

  RealTrainerCluster(KubeCluster cluster, MinioServer minio, String node, String bucket) {
    this.cluster = cluster;
    this.minio = minio;
    this.bucket = bucket;
    minio.createBucket(bucket);
    Path trainerImage = TestComponents.repositoryRoot().resolve("trainer-image").toAbsolutePath();
    if (!Files.isRegularFile(trainerImage.resolve("target/paddock-trainer.jar"))) {
      throw new IllegalStateException(
          "the trainer is not built: run ./mvnw -B -pl trainer-image -am package -DskipTests first");
    }
    trainer = trainerImage.resolve("bin/paddock-trainer");
    controllers = ClusterControllers.start(cluster);
    kubelet =
        KubeletHarness.start(
            cluster,
            node,
            Map.of("nvidia.com/gpu", "2"),
            Map.of("paddock/trainer", List.of(trainer.toString())));
    int reportPort = TestComponents.freePort();
    operator =
        PaddockOperator.start(
            new OperatorSettings(
                new ClusterSettings(
                    "http://127.0.0.1:" + reportPort + "/v1/report",
                    "s3://" + bucket + "/",
                    minio.endpoint(),
                    STORE_SECRET,
                    null),
                Set.of(),
                ReportTokens.randomKey(),
                reportPort,
                0,
                2,
                false,
                "paddock",
                "default",
                node,
                IMAGE,
                new StoreCredentials(minio.accessKey(), minio.secretKey()),
                null,
                ReconcileRetry.DEFAULT),
            cluster.client());
  }

  /** The store Secret trial and serving pods read their S3 keys from, in {@code namespace}. */
  void createStoreSecret(String namespace) {
    cluster
        .client()
        .secrets()
        .inNamespace(namespace)
        .resource(minio.credentialsSecret(STORE_SECRET))
        .create();
  }

  /** The keys under {@code prefix} in the bucket. */
  List<String> objects(String prefix) {
    return minio.keys(bucket, prefix);
  }

  @Override
  public void close() {
    operator.close();
    kubelet.close();
    controllers.close();
  }
}
