package dev.paddock.operator.bench.chaos;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.contract.store.S3Store;
import dev.paddock.operator.archive.ArchiveKeys;
import dev.paddock.testsupport.ClusterControllers;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.MinioServer;
import dev.paddock.testsupport.TestComponents;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The suite's world: a real kube-apiserver + etcd (restartable), kube-scheduler,
 * kube-controller-manager (Jobs, pod GC, garbage collector, node lifecycle), kwok playing two GPU
 * nodes whose trial pods run for a while and complete with {@code val_f1 = 1 - 4 lr}, and a real
 * MinIO as the operator's artifact store. bench/scale starts the same world larger ({@link
 * #start(int, int, long, ClusterControllers.Options, int, int)}: more and bigger nodes, a wider pod
 * CIDR, faster controllers).
 */
public final class ChaosEnv implements AutoCloseable {

  static final String BUCKET = "paddock";
  static final String STUDY = "chaos";
  static final int GPUS_PER_NODE = 4;

  /** The study every scenario runs; random search, so parameters are a function of the index. */
  private static final String STUDY_YAML =
      """
      apiVersion: paddock.dev/v1alpha1
      kind: TrainingStudy
      metadata: {name: %s, namespace: %s}
      spec:
        objective: {metric: val_f1, direction: maximize}
        metrics: [val_loss]
        search:
          algorithm: random
          seed: 42
          parameters:
            - {name: lr, float: {min: 1.0e-4, max: 1.0e-1, log: true}}
            - {name: hidden, categorical: ["32,16", "64,32", "128,64,32"]}
            - {name: batch_size, int: {min: 32, max: 256, step: 32}}
        budget: {maxTrials: %d, parallelism: %d, maxFailedTrials: 3}
        trial:
          epochs: 3
          maxRetries: 1
          template:
            spec:
              containers:
                - name: trainer
                  image: paddock/trainer:0.1.0
                  args: [train, --data, "synthetic:moons", --label, label, --task, binary]
                  resources: {limits: {nvidia.com/gpu: 1}}
        grading:
          thresholds: {S: 0.97, A: 0.95, B: 0.92, C: 0.88, D: 0.80}
          code: "CH-{grade}-N{hidden}B{batch_size}-L{lr}"
        archive: {topPercent: 25, minGrade: B}
      """;

  private final KubeCluster cluster;
  private final ClusterControllers controllers;
  private final MinioServer minio;
  private final Path workDir;
  private final Path kubeconfig;
  final int trials;
  final int parallelism;

  private ChaosEnv(
      KubeCluster cluster,
      ClusterControllers controllers,
      MinioServer minio,
      Path workDir,
      int trials,
      int parallelism) {
    this.cluster = cluster;
    this.controllers = controllers;
    this.minio = minio;
    this.workDir = workDir;
    this.trials = trials;
    this.parallelism = parallelism;
    try {
      this.kubeconfig = Files.writeString(workDir.resolve("kubeconfig"), cluster.kubeconfig());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts everything.
   *
   * @param podMillis how long kwok runs each trial pod (it draws between this and 1.2x)
   */
  static ChaosEnv start(int trials, int parallelism, long podMillis) throws IOException {
    return start(
        trials, parallelism, podMillis, ClusterControllers.Options.DEFAULT, 2, GPUS_PER_NODE);
  }

  /**
   * Starts everything, with the given controller options (pod CIDR, client QPS) and {@code nodes}
   * kwok nodes {@code chaos-gpu-1..n} of {@code gpusPerNode} GPUs each (and 110 pods).
   */
  public static ChaosEnv start(
      int trials,
      int parallelism,
      long podMillis,
      ClusterControllers.Options options,
      int nodes,
      int gpusPerNode)
      throws IOException {
    Path root = TestComponents.repositoryRoot();
    Path workDir = Files.createTempDirectory("paddock-chaos-");
    KubeCluster cluster = KubeCluster.start(root.resolve("crds").resolve("manifests"));
    ClusterControllers controllers =
        ClusterControllers.start(cluster, options, stages(root, podMillis, workDir));
    MinioServer minio = new MinioServer().start();
    minio.createBucket(BUCKET);
    ChaosEnv env = new ChaosEnv(cluster, controllers, minio, workDir, trials, parallelism);
    for (int n = 1; n <= nodes; n++) {
      env.controllers.addNode(
          "chaos-gpu-" + n, Map.of("nvidia.com/gpu", String.valueOf(gpusPerNode)));
    }
    return env;
  }

  /** The outcome Stages, with the trial pod's completion delayed so trials run for a while. */
  private static Path stages(Path root, long podMillis, Path workDir) throws IOException {
    String stages =
        Files.readString(root.resolve("operator/src/test/resources/kwok/stages-outcomes.yaml"));
    String anchor = "  name: pod-complete-with-objective\nspec:\n";
    if (!stages.contains(anchor)) {
      throw new IllegalStateException("no pod-complete-with-objective Stage in the test stages");
    }
    String delayed =
        stages.replace(
            anchor,
            anchor
                + "  delay:\n    durationMilliseconds: "
                + podMillis
                + "\n    jitterDurationMilliseconds: "
                + podMillis * 6 / 5
                + "\n");
    return Files.writeString(workDir.resolve("stages.yaml"), delayed);
  }

  void addNode(String name) {
    controllers.addNode(name, Map.of("nvidia.com/gpu", String.valueOf(GPUS_PER_NODE)));
  }

  public KubeCluster cluster() {
    return cluster;
  }

  public KubernetesClient client() {
    return cluster.client();
  }

  public MinioServer minio() {
    return minio;
  }

  public Path kubeconfig() {
    return kubeconfig;
  }

  public Path workDir() {
    return workDir;
  }

  public Path logDirectory() {
    return controllers.logDirectory();
  }

  /**
   * A fresh namespace holding what the trainer would have written for each trial (kwok writes no
   * files), so the operator has models to archive.
   */
  String namespace(String prefix) {
    String namespace = cluster.createNamespace(prefix);
    S3Store store =
        S3Store.connect(
            "s3://" + BUCKET + "/", minio.endpoint(), minio.accessKey(), minio.secretKey());
    for (int i = 0; i < trials; i++) {
      String prefixKey = ArchiveKeys.trial(namespace, STUDY, STUDY + "-" + i);
      store.put(
          prefixKey + "model/weights.params",
          ("weights of trial " + i).getBytes(StandardCharsets.UTF_8));
      store.put(
          prefixKey + "metadata.json",
          ("{\"fingerprint\":\"fp-" + i + "\"}").getBytes(StandardCharsets.UTF_8));
      store.put(
          prefixKey + "epoch_metrics.csv",
          "epoch,val_f1\n1,0.8\n".getBytes(StandardCharsets.UTF_8));
    }
    return namespace;
  }

  void createStudy(String namespace) {
    String yaml = String.format(Locale.ROOT, STUDY_YAML, STUDY, namespace, trials, parallelism);
    client()
        .resource(client().getKubernetesSerialization().unmarshal(yaml, TrainingStudy.class))
        .create();
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    controllers.close();
    minio.close();
    cluster.close();
  }
}
