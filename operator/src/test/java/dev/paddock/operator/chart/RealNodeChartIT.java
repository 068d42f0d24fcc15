package dev.paddock.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.StudyPhase;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.testsupport.MinioServer;
import dev.paddock.testsupport.RealCluster;
import dev.paddock.testsupport.RealClusterExtension;
import dev.paddock.testsupport.TestComponents;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's cluster path on a real node: {@code helm install} of charts/paddock with the
 * operator image that {@code scripts/images.sh} built, then the quickstart applied with {@code
 * kubectl}. Nothing is played: containerd runs the operator's and the trainers' containers from
 * their images, the trainers reach the operator through the chart's Service DNS name (CoreDNS,
 * kube-proxy) with their report tokens, and MinIO, on the node's address, takes their checkpoints
 * and artifacts and the archive.
 */
@ExtendWith(RealClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealNodeChartIT {

  private static final String BUCKET = "paddock-real-node";
  private static final String STORE_SECRET = "paddock-store";
  private static final String TRAINER_IMAGE = "docker.io/paddock/trainer:";
  private static final Path ROOT = TestComponents.repositoryRoot();

  private RealCluster cluster;
  private MinioServer minio;
  private ChartCommands commands;
  private String system;

  @BeforeAll
  void start(RealCluster cluster) {
    this.cluster = cluster;
    minio = new MinioServer(RealCluster.NODE_IP).start();
    minio.createBucket(BUCKET);
    commands = new ChartCommands(cluster.kubeconfig());
  }

  @AfterAll
  void stop() {
    if (commands != null && system != null) {
      commands.helm("uninstall", "paddock", "--namespace", system, "--wait");
      cluster.client().namespaces().withName(system).delete();
    }
    if (commands != null) {
      commands.close();
    }
    if (minio != null) {
      minio.close();
    }
  }

  @Test
  void theChartInstallsAndTheQuickstartTrainsInRealContainers() throws Exception {
    system = cluster.createNamespace("paddock-system");
    String studies = cluster.createNamespace("studies");
    storeSecret(system);
    storeSecret(studies);

    ChartCommands.Result install =
        commands.helm(
            "install",
            "paddock",
            ChartCommands.CHART.toString(),
            "--namespace",
            system,
            "--set",
            "image.pullPolicy=Never",
            "--set",
            "watchNamespaces={" + studies + "}",
            "--set",
            "artifactStore.endpoint=" + minio.endpoint(),
            "--set",
            "artifactStore.credentialsSecret=" + STORE_SECRET,
            "--set",
            "artifactStore.bucket=" + BUCKET,
            "--set",
            "resources.requests.cpu=50m",
            "--wait",
            "--timeout",
            "4m");
    assertThat(install.exit()).as(install.toString() + operatorLog()).isZero();

    Pod pod = operatorPod();
    assertThat(pod.getSpec().getNodeName()).isEqualTo(RealCluster.NODE_NAME);
    assertThat(pod.getStatus().getContainerStatuses().get(0).getImage())
        .isEqualTo("docker.io/paddock/operator:" + chartVersion());
    assertRunsAsNonRootOnReadOnlyRoot(pod);
    assertHoldsTheLease(pod);
    assertThat(metrics(pod)).contains("jvm_memory_used_bytes");

    applyQuickstart(studies);
    TrainingStudy done =
        await(
            "the quickstart to succeed",
            () -> study(studies),
            s ->
                s != null
                    && s.getStatus() != null
                    && (s.getStatus().phase() == StudyPhase.Succeeded
                        || s.getStatus().phase() == StudyPhase.Failed));
    assertThat(done.getStatus().phase()).as(operatorLog()).isEqualTo(StudyPhase.Succeeded);
    assertThat(done.getStatus().trials().succeeded() + done.getStatus().trials().pruned())
        .isEqualTo(6);
    // Only the report endpoint can stop a trial early: the trainers reached it, by DNS name.
    assertThat(done.getStatus().trials().pruned()).isPositive();
    assertThat(done.getStatus().archive().archived()).isPositive();
    assertTrialsRanInTrainerContainers(studies);

    String prefix = "studies/" + studies + "/quickstart/trials/";
    List<String> keys = minio.keys(BUCKET, prefix);
    assertThat(keys).anyMatch(k -> k.contains("/checkpoints/"));
    assertThat(keys).anyMatch(k -> k.endsWith("/epoch_metrics.csv"));
    assertThat(minio.keys(BUCKET, "archive/" + studies + "/quickstart/index/")).isNotEmpty();
  }

  /** Every trial pod ran the trainer image on the real node, and its container completed. */
  private void assertTrialsRanInTrainerContainers(String namespace) throws IOException {
    List<Pod> pods = cluster.client().pods().inNamespace(namespace).list().getItems();
    assertThat(pods).hasSizeGreaterThanOrEqualTo(6);
    for (Pod pod : pods) {
      assertThat(pod.getSpec().getNodeName()).isEqualTo(RealCluster.NODE_NAME);
      var trainer = pod.getStatus().getContainerStatuses().get(0);
      assertThat(trainer.getImage()).isEqualTo(TRAINER_IMAGE + chartVersion());
      assertThat(trainer.getState().getTerminated()).as(pod.getMetadata().getName()).isNotNull();
      assertThat(trainer.getContainerID()).startsWith("containerd://");
    }
  }

  private void assertRunsAsNonRootOnReadOnlyRoot(Pod pod) {
    String name = pod.getMetadata().getName();
    ChartCommands.Result id = commands.kubectl(null, "exec", "-n", system, name, "--", "id", "-u");
    assertThat(id.exit()).as(id.toString()).isZero();
    assertThat(id.out().strip()).isEqualTo("65532");
    ChartCommands.Result write =
        commands.kubectl(null, "exec", "-n", system, name, "--", "touch", "/opt/paddock/x");
    assertThat(write.exit()).isNotZero();
    assertThat(write.err()).contains("Read-only file system");
  }

  private void assertHoldsTheLease(Pod pod) throws InterruptedException {
    await(
        "the operator pod to hold the leader Lease",
        () -> cluster.client().leases().inNamespace(system).list().getItems(),
        (List<Lease> leases) ->
            leases.stream()
                .anyMatch(
                    l -> pod.getMetadata().getName().equals(l.getSpec().getHolderIdentity())));
  }

  /** {@code /metrics} scraped from the pod's own address, as Prometheus would. */
  private static String metrics(Pod pod) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://" + pod.getStatus().getPodIP() + ":8081/metrics"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** The README's {@code kubectl apply -f examples/quickstart/study.yaml}, sized for 2 cores. */
  private void applyQuickstart(String namespace) throws IOException {
    String yaml =
        Files.readString(ROOT.resolve("examples/quickstart/study.yaml"))
            .replace(
                "resources: {limits: {cpu: \"1\", memory: 1Gi}}",
                "resources: {requests: {cpu: 100m, memory: 256Mi}, limits: {cpu: \"1\", memory: 1Gi}}")
            .replace(
                "budget: {maxTrials: 12, parallelism: 2, maxFailedTrials: 3}",
                "budget: {maxTrials: 6, parallelism: 2, maxFailedTrials: 3}")
            .replace("  deploy: {modelDeployment: quickstart-serving, minGrade: A}\n", "");
    ChartCommands.Result result = commands.kubectl(yaml, "apply", "-n", namespace, "-f", "-");
    assertThat(result.exit()).as(result.toString()).isZero();
  }

  private TrainingStudy study(String namespace) {
    return cluster
        .client()
        .resources(TrainingStudy.class)
        .inNamespace(namespace)
        .withName("quickstart")
        .get();
  }

  private void storeSecret(String namespace) {
    cluster
        .client()
        .secrets()
        .inNamespace(namespace)
        .resource(minio.credentialsSecret(STORE_SECRET))
        .create();
  }

  private Pod operatorPod() {
    List<Pod> pods = cluster.client().pods().inNamespace(system).list().getItems();
    assertThat(pods).hasSize(1);
    return pods.get(0);
  }

  private String operatorLog() {
    ChartCommands.Result logs =
        commands.kubectl(null, "logs", "-n", system, "deployment/paddock", "--tail=80");
    return "\n--- operator log\n"
        + logs.out()
        + logs.err()
        + "\n--- kubelet\n"
        + cluster.log("kubelet");
  }

  private static String chartVersion() throws IOException {
    return Files.readAllLines(ChartCommands.CHART.resolve("Chart.yaml")).stream()
        .filter(l -> l.startsWith("appVersion:"))
        .map(l -> l.substring("appVersion:".length()).strip().replace("\"", ""))
        .findFirst()
        .orElseThrow();
  }

  /** Polls until {@code condition} holds (6 min at most); a timeout shows the operator's log. */
  private <T> T await(String what, Supplier<T> read, Predicate<T> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
    T value = read.get();
    while (!condition.test(value)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out waiting for " + what + "; last seen: " + value + operatorLog());
      }
      TimeUnit.MILLISECONDS.sleep(500);
      value = read.get();
    }
    return value;
  }
}
