package dev.paddock.operator.k8s.study;

import dev.paddock.api.v1alpha1.StudyPhase;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.contract.store.S3Store;
import dev.paddock.operator.archive.ArchiveKeys;
import dev.paddock.operator.k8s.ClusterSettings;
import dev.paddock.operator.k8s.OperatorSettings;
import dev.paddock.operator.k8s.PaddockOperator;
import dev.paddock.operator.k8s.TestOperatorSettings;
import dev.paddock.operator.k8s.archive.StoreCredentials;
import dev.paddock.testsupport.ClusterControllers;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.MinioServer;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real control plane (API server, controllers, kwok GPU nodes), a real MinIO and the operator
 * in-process with its store there. kwok completes trial pods at once with val_f1 0.9 (grade C) and
 * writes no files, so tests put each trial's artifacts into MinIO under its prefix first, as the
 * trainer would have.
 */
final class ClusterStudyFixture implements AutoCloseable {

  static final String BUCKET = "paddock";

  final KubeCluster cluster;
  final MinioServer minio;
  private final ClusterControllers controllers;
  private final ClusterSettings settings;
  private final java.util.function.Function<ClusterSettings, OperatorSettings> operatorSettings;
  private PaddockOperator operator;

  ClusterStudyFixture(KubeCluster cluster, MinioServer minio, String nodePrefix) {
    this(cluster, minio, nodePrefix, TestOperatorSettings::allNamespaces);
  }

  /** The same, with the operator's settings made from the store's cluster settings. */
  ClusterStudyFixture(
      KubeCluster cluster,
      MinioServer minio,
      String nodePrefix,
      java.util.function.Function<ClusterSettings, OperatorSettings> operatorSettings) {
    this.cluster = cluster;
    this.operatorSettings = operatorSettings;
    this.minio = minio;
    minio.start();
    minio.createBucket(BUCKET);
    controllers =
        ClusterControllers.start(
            cluster, Path.of("src", "test", "resources", "kwok", "stages.yaml"));
    controllers.addNode(nodePrefix + "-gpu-1", Map.of("nvidia.com/gpu", "4"));
    controllers.addNode(nodePrefix + "-gpu-2", Map.of("nvidia.com/gpu", "4"));
    settings =
        new ClusterSettings(
            "http://paddock:8080/v1/report",
            "s3://" + BUCKET + "/",
            minio.endpoint(),
            "paddock-store",
            null,
            null);
    startOperator();
  }

  private void startOperator() {
    operator =
        PaddockOperator.start(
            operatorSettings.apply(settings),
            cluster.client(),
            new StoreCredentials(minio.accessKey(), minio.secretKey()));
  }

  /** A new operator process: nothing it knew in memory survives. */
  void restartOperator() {
    operator.close();
    startOperator();
  }

  /** The running operator (its report endpoint's port). */
  PaddockOperator operator() {
    return operator;
  }

  /** A client of the same bucket, for fixtures and for checking what the operator wrote. */
  S3Store store() {
    return S3Store.connect(
        "s3://" + BUCKET + "/", minio.endpoint(), minio.accessKey(), minio.secretKey());
  }

  /** What the trainer would have written for trial {@code quickstart-<index>}. */
  static Map<String, byte[]> trainerFiles(String namespace, int index) {
    return Map.of(
        "model/weights.params",
            ("weights of trial " + index + " in " + namespace).getBytes(StandardCharsets.UTF_8),
        "model/preprocessing.json",
            "{\"columns\":[\"x1\",\"x2\"]}".getBytes(StandardCharsets.UTF_8),
        "metadata.json",
            ("{\"hardware\":{\"mode\":\"cuda\",\"engine\":\"PyTorch\"},\"fingerprint\":\"fp-"
                    + index
                    + "\",\"data\":\"synthetic:moons\"}")
                .getBytes(StandardCharsets.UTF_8),
        "hyperparams.json", "{\"lr\":\"0.01\"}".getBytes(StandardCharsets.UTF_8),
        "epoch_metrics.csv", ("epoch,val_f1\n1,0.8\n2,0.9\n").getBytes(StandardCharsets.UTF_8),
        "checkpoints/epoch-2.bin", new byte[] {7, 7, 7});
  }

  void putTrainerFiles(String namespace, int trials) {
    S3Store store = store();
    for (int i = 0; i < trials; i++) {
      String prefix = ArchiveKeys.trial(namespace, "quickstart", "quickstart-" + i);
      trainerFiles(namespace, i).forEach((file, bytes) -> store.put(prefix + file, bytes));
    }
  }

  /** The quickstart study, asking for a GPU, with its budget and blocks replaced. */
  void createStudy(String namespace, String budget, String archive, String retention) {
    createStudy(namespace, budget, archive, retention, yaml -> yaml);
  }

  /** The same, with a last edit of the manifest (a name, a search setting). */
  void createStudy(
      String namespace,
      String budget,
      String archive,
      String retention,
      java.util.function.UnaryOperator<String> edit) {
    try {
      String yaml =
          Files.readString(Path.of("..", "examples", "quickstart", "study.yaml"))
              .replace(
                  "resources: {limits: {cpu: \"1\", memory: 1Gi}}",
                  "resources: {limits: {nvidia.com/gpu: 1}}")
              .replace("budget: {maxTrials: 12, parallelism: 2, maxFailedTrials: 3}", budget)
              .replace("  archive: {topPercent: 25, minGrade: B}\n", archive)
              .replace(
                  "  retention: {keepTrials: 12, podTTLSeconds: 600, artifactTTLDays: 7}\n",
                  retention)
              .replace("  deploy: {modelDeployment: quickstart-serving, minGrade: A}\n", "");
      yaml = edit.apply(yaml);
      TrainingStudy study =
          cluster.client().getKubernetesSerialization().unmarshal(yaml, TrainingStudy.class);
      study.getMetadata().setNamespace(namespace);
      cluster.client().resource(study).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  TrainingStudy awaitStudy(String namespace, Predicate<TrainingStudy> condition) {
    try {
      return cluster
          .client()
          .resources(TrainingStudy.class)
          .inNamespace(namespace)
          .withName("quickstart")
          .waitUntilCondition(s -> s != null && condition.test(s), 240, TimeUnit.SECONDS);
    } catch (io.fabric8.kubernetes.client.KubernetesClientTimeoutException e) {
      throw new AssertionError(describe(namespace), e);
    }
  }

  /** The study, its trials and the namespace's events, for a failing wait's message. */
  String describe(String namespace) {
    var client = cluster.client();
    var serialization = client.getKubernetesSerialization();
    StringBuilder text = new StringBuilder("study:\n");
    text.append(
        serialization.asYaml(
            client
                .resources(TrainingStudy.class)
                .inNamespace(namespace)
                .withName("quickstart")
                .get()));
    client
        .resources(dev.paddock.api.v1alpha1.Trial.class)
        .inNamespace(namespace)
        .list()
        .getItems()
        .forEach(
            t ->
                text.append("trial ")
                    .append(t.getMetadata().getName())
                    .append(": ")
                    .append(serialization.asJson(t.getStatus()))
                    .append('\n'));
    client
        .events()
        .v1()
        .events()
        .inNamespace(namespace)
        .list()
        .getItems()
        .forEach(
            e ->
                text.append("event ")
                    .append(e.getReason())
                    .append(" ")
                    .append(e.getRegarding().getName())
                    .append(": ")
                    .append(e.getNote())
                    .append('\n'));
    return text.toString();
  }

  TrainingStudy awaitPhase(String namespace, StudyPhase phase) {
    return awaitStudy(namespace, s -> s.getStatus() != null && s.getStatus().phase() == phase);
  }

  List<Event> studyEvents(String namespace) {
    return cluster.client().events().v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> "quickstart".equals(e.getRegarding().getName()))
        .toList();
  }

  @Override
  public void close() {
    operator.close();
    controllers.close();
  }
}
