package dev.paddock.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.StudyPhase;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.operator.k8s.archive.RetiredTrials;
import dev.paddock.testsupport.ClusterControllers;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import dev.paddock.testsupport.MinioExtension;
import dev.paddock.testsupport.MinioServer;
import dev.paddock.testsupport.TestComponents;
import dev.paddock.testsupport.kubelet.KubeletHarness;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chart's operator Deployment runs as a pod, as in a cluster: {@code helm template | kubectl
 * apply} (watching one namespace: namespaced RBAC), the scheduler places the pod on a node the
 * {@link KubeletHarness} plays, which runs the image's entry point ({@code operator/bin/paddock},
 * what {@code operator/Dockerfile} installs) with the environment the chart renders (the report key
 * and store credentials from their Secrets, the chart's JVM options) and the pod's ServiceAccount
 * token as its only credentials. The pod must become ready through the chart's readiness probe,
 * take the leader Lease, and run the quickstart study, applied with {@code kubectl apply}, to its
 * end on kwok GPU nodes, retiring trials into a real MinIO bucket: every API call and store call it
 * needs is one the chart grants it.
 */
@ExtendWith({KubeClusterExtension.class, MinioExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorPodIT {

  private static final String NODE = "operator-node";
  private static final String OPERATOR_ONLY = "paddock.dev/operator-only";
  private static final String BUCKET = "paddock-pod-it";
  private static final String STORE_SECRET = "paddock-store";
  private static final Path ROOT = TestComponents.repositoryRoot();

  private KubeCluster cluster;
  private MinioServer minio;
  private ClusterControllers controllers;
  private KubeletHarness kubelet;
  private ChartCommands commands;
  private final List<String> systemNamespaces = new ArrayList<>();

  @BeforeAll
  void start(KubeCluster cluster, MinioServer minio) {
    this.cluster = cluster;
    this.minio = minio;
    Path launcher = ROOT.resolve("operator/bin/paddock");
    if (!Files.isRegularFile(ROOT.resolve("operator/target/paddock.jar"))) {
      throw new IllegalStateException(
          "the operator is not packaged: run ./mvnw -B -pl operator -am package -DskipTests");
    }
    minio.createBucket(BUCKET);
    controllers = ClusterControllers.start(cluster);
    controllers.addNode("gpu-a", Map.of("nvidia.com/gpu", "4"));
    kubelet =
        KubeletHarness.start(
            cluster, NODE, Map.of(), Map.of("paddock/operator", List.of(launcher.toString())));
    // Only the operator runs on the harness's node (it tolerates the taint); trials go to kwok.
    cluster
        .client()
        .nodes()
        .withName(NODE)
        .edit(
            n -> {
              n.getSpec()
                  .setTaints(
                      List.of(
                          new TaintBuilder()
                              .withKey(OPERATOR_ONLY)
                              .withValue("true")
                              .withEffect("NoSchedule")
                              .build()));
              return n;
            });
    commands = new ChartCommands(cluster);
  }

  @AfterAll
  void stop() {
    systemNamespaces.forEach(ns -> cluster.client().apps().deployments().inNamespace(ns).delete());
    if (kubelet != null) {
      kubelet.close();
    }
    if (controllers != null) {
      controllers.close();
    }
    if (commands != null) {
      commands.close();
    }
  }

  @Test
  void theChartsOperatorPodRunsTheQuickstartUnderItsOwnServiceAccount() throws Exception {
    String system = cluster.createNamespace("paddock-pod");
    systemNamespaces.add(system);
    String studies = cluster.createNamespace("pod-studies");
    storeSecret(system);
    storeSecret(studies);

    commands.apply(
        commands.template(
            "paddock",
            system,
            "--set",
            "watchNamespaces={" + studies + "}",
            "--set",
            "artifactStore.endpoint=" + minio.endpoint(),
            "--set",
            "artifactStore.credentialsSecret=" + STORE_SECRET,
            "--set",
            "artifactStore.bucket=" + BUCKET,
            "--set",
            "nodeSelector.kubernetes\\.io/hostname=" + NODE,
            "--set-json",
            "tolerations=[{\"key\":\"" + OPERATOR_ONLY + "\",\"operator\":\"Exists\"}]",
            // The harness's pods share the machine's network: each listens on its own pod IP.
            "--set-json",
            "operator.extraEnv=[{\"name\":\"PADDOCK_LISTEN_ADDRESS\","
                + "\"valueFrom\":{\"fieldRef\":{\"fieldPath\":\"status.podIP\"}}}]"),
        null);

    Deployment deployment =
        await(
            "the operator Deployment to become available",
            () ->
                cluster.client().apps().deployments().inNamespace(system).withName("paddock").get(),
            d ->
                d != null
                    && d.getStatus() != null
                    && Objects.equals(d.getStatus().getAvailableReplicas(), 1));
    Pod pod = operatorPod(system);
    assertThat(pod.getSpec().getNodeName()).isEqualTo(NODE);
    assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("paddock");
    String leaseName = env(deployment, "PADDOCK_LEADER_ELECTION_LEASE");
    await(
        "the operator pod to hold the leader Lease",
        () -> cluster.client().leases().inNamespace(system).withName(leaseName).get(),
        (Lease l) ->
            l != null && pod.getMetadata().getName().equals(l.getSpec().getHolderIdentity()));

    applyQuickstart(studies);

    TrainingStudy done =
        await(
            "the quickstart study to succeed with 2 of its 4 trials retired",
            () ->
                cluster
                    .client()
                    .resources(TrainingStudy.class)
                    .inNamespace(studies)
                    .withName("quickstart")
                    .get(),
            s ->
                s.getStatus() != null
                    && s.getStatus().phase() == StudyPhase.Succeeded
                    && s.getStatus().retention() != null
                    && Objects.equals(s.getStatus().retention().retired(), 2));
    assertThat(done.getStatus().trials().succeeded()).isEqualTo(4);
    assertThat(cluster.client().resources(Trial.class).inNamespace(studies).list().getItems())
        .hasSize(2);
    assertThat(minio.keys(BUCKET, RetiredTrials.prefix(done))).hasSize(2);
  }

  /** The README's {@code kubectl apply -f examples/quickstart/study.yaml}, sized for a test. */
  private void applyQuickstart(String namespace) throws IOException {
    String yaml =
        Files.readString(ROOT.resolve("examples/quickstart/study.yaml"))
            .replace(
                "resources: {limits: {cpu: \"1\", memory: 1Gi}}",
                "resources: {limits: {nvidia.com/gpu: 1}}")
            .replace(
                "budget: {maxTrials: 12, parallelism: 2, maxFailedTrials: 3}",
                "budget: {maxTrials: 4, parallelism: 2}")
            .replace("  archive: {topPercent: 25, minGrade: B}\n", "")
            .replace(
                "  retention: {keepTrials: 12, podTTLSeconds: 600, artifactTTLDays: 7}\n",
                "  retention: {keepTrials: 2, podTTLSeconds: 1}\n")
            .replace("  deploy: {modelDeployment: quickstart-serving, minGrade: A}\n", "");
    ChartCommands.Result result = commands.kubectl(yaml, "apply", "-n", namespace, "-f", "-");
    assertThat(result.exit()).as(result.toString()).isZero();
  }

  private void storeSecret(String namespace) {
    cluster
        .client()
        .secrets()
        .inNamespace(namespace)
        .resource(minio.credentialsSecret(STORE_SECRET))
        .create();
  }

  private Pod operatorPod(String namespace) {
    List<Pod> pods = cluster.client().pods().inNamespace(namespace).list().getItems();
    assertThat(pods).hasSize(1);
    return pods.get(0);
  }

  private static String env(Deployment deployment, String name) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> name.equals(e.getName()))
        .map(EnvVar::getValue)
        .findFirst()
        .orElseThrow();
  }

  /** Polls until {@code condition} holds (4 min at most); a timeout shows the operator's log. */
  private <T> T await(String what, Supplier<T> read, Predicate<T> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    T value = read.get();
    while (!condition.test(value)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out waiting for " + what + "; last seen: " + value + "\n" + kubelet.logs());
      }
      TimeUnit.MILLISECONDS.sleep(500);
      value = read.get();
    }
    return value;
  }
}
