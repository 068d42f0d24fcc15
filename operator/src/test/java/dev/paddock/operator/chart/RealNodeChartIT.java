package dev.paddock.operator.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paddock.api.v1alpha1.ModelDeployment;
import dev.paddock.api.v1alpha1.StudyPhase;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.contract.store.ArtifactLayout;
import dev.paddock.operator.k8s.archive.RetiredTrials;
import dev.paddock.testsupport.MinioServer;
import dev.paddock.testsupport.RealCluster;
import dev.paddock.testsupport.RealClusterExtension;
import dev.paddock.testsupport.TestComponents;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
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
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealNodeChartIT {

  private static final String BUCKET = "paddock-real-node";
  private static final String STORE_SECRET = "paddock-store";
  private static final String TRAINER_IMAGE = "docker.io/paddock/trainer:";
  private static final Path ROOT = TestComponents.repositoryRoot();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL_URI = "paddock.dev/model-uri";
  private static final int LOAD_SECONDS = 100;

  private static final String ROWS =
      "{\"rows\":[{\"x0\":0.1,\"x1\":0.9},{\"x0\":1.8,\"x1\":-0.3},{\"x0\":-0.7,\"x1\":0.4}]}";

  private RealCluster cluster;
  private MinioServer minio;
  private OfflineServing serving;
  private ChartCommands commands;
  private String system;
  private String studies;

  @BeforeAll
  void start(RealCluster cluster) {
    this.cluster = cluster;
    minio = new MinioServer(RealCluster.NODE_IP).start();
    minio.createBucket(BUCKET);
    commands = new ChartCommands(cluster.kubeconfig());
    serving = new OfflineServing(minio);
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
  @Order(1)
  void theChartInstallsAndTheQuickstartTrainsInRealContainers() throws Exception {
    system = cluster.createNamespace("paddock-system");
    studies = cluster.createNamespace("studies");
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
    OperatorPodChecks podChecks = new OperatorPodChecks(cluster.client(), commands, system);
    podChecks.runsAsNonRootOnReadOnlyRoot(pod);
    await(
        "the operator pod to hold the leader Lease",
        () -> podChecks.holdsTheLease(pod),
        Boolean::booleanValue);
    assertThat(podChecks.metrics(pod)).contains("jvm_memory_used_bytes");

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
    // The trainers reached the report endpoint, by DNS name: only it writes a curve point before
    // a trial's last epoch (the termination message gives the last one). Whether the median rule
    // stops one of six trials depends on what the search suggests; RealNodeChartIT's collected
    // studies check a pruned trial's whole path.
    for (Trial trial : trials()) {
      assertThat(trial.getStatus().curve())
          .as(trial.getMetadata().getName() + "'s curve from the report endpoint")
          .anyMatch(point -> point.get(0) < trial.getStatus().epoch());
    }
    assertThat(done.getStatus().archive().archived()).isPositive();
    TrialChecks checks =
        new TrialChecks(cluster.client(), minio, BUCKET, TRAINER_IMAGE + chartVersion());
    for (Trial trial : trials()) {
      checks.check(trial, "QS-", 5);
    }
    assertThat(minio.keys(BUCKET, "archive/" + studies + "/quickstart/index/")).isNotEmpty();
    retireAllButFour(done);
  }

  /**
   * An allowed live edit: {@code retention.keepTrials} lowered to 4 on the finished study retires
   * its worst trials that are not archived (their records into MinIO, their Trials, Jobs and pods
   * deleted), under the chart's namespaced RBAC.
   */
  private void retireAllButFour(TrainingStudy done) throws Exception {
    int archived = done.getStatus().archive().archived();
    int expectRetired = Math.min(6 - archived, 2);
    ChartCommands.Result patched =
        commands.kubectl(
            null,
            "patch",
            "-n",
            studies,
            "trainingstudy/quickstart",
            "--type=merge",
            "-p",
            "{\"spec\":{\"retention\":{\"keepTrials\":4}}}");
    assertThat(patched.exit()).as(patched.toString()).isZero();
    // The study counts its retired trials in the reconcile that deletes them: wait for both.
    TrainingStudy retired =
        await(
            "the worst trials to be retired",
            () -> study(studies),
            s ->
                s.getStatus().retention() != null
                    && Integer.valueOf(expectRetired).equals(s.getStatus().retention().retired())
                    && trials().size() == 6 - expectRetired);
    assertThat(minio.keys(BUCKET, RetiredTrials.prefix(retired))).hasSize(expectRetired);
  }

  private List<Trial> trials() {
    return trials("quickstart");
  }

  /**
   * A ModelDeployment's pod serves an archived model through its ClusterIP Service, called from
   * another pod by DNS name, with the predictions the archived model gives offline; a new pin rolls
   * the Deployment to another model while that pod keeps calling, and no request fails.
   */
  @Test
  @Order(2)
  void aModelDeploymentServesThroughItsServiceAndRollsWithoutAFailedRequest() throws Exception {
    assertThat(studies).as("the quickstart ran first").isNotNull();
    List<Trial> archived =
        cluster.client().resources(Trial.class).inNamespace(studies).list().getItems().stream()
            .filter(t -> t.getStatus() != null && t.getStatus().archived() != null)
            .sorted(Comparator.comparingDouble((Trial t) -> t.getStatus().objective()).reversed())
            .toList();
    assertThat(archived).hasSizeGreaterThanOrEqualTo(2);
    Trial first = archived.get(1);
    Trial better = archived.get(0);

    pinModel(first.getStatus().archived());
    awaitServing(first);
    ClientPod client =
        ClientPod.start(
            cluster.client(), commands, studies, "docker.io/paddock/operator:" + chartVersion());
    String host = "serving." + studies + ".svc";
    assertThat(JSON.readTree(client.post(host, "/v1/predict", ROWS)))
        .isEqualTo(JSON.readTree(serving.reference(first.getStatus().archived(), ROWS)));

    CompletableFuture<String> load = client.load(host, "/v1/predict", ROWS, LOAD_SECONDS);
    long loadStart = System.nanoTime();
    TimeUnit.SECONDS.sleep(5);
    pinModel(better.getStatus().archived());
    awaitServing(better);
    long rolledAfter = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - loadStart);
    assertThat(rolledAfter)
        .as("the rollout ended while the client was calling")
        .isLessThan(LOAD_SECONDS - 5);
    String counts = load.get(LOAD_SECONDS + 60, TimeUnit.SECONDS);
    System.out.println(
        "requests during the rollout: " + counts.lines().reduce((a, b) -> b).orElse(""));
    assertThat(counts).as(counts).contains(" failed=0").doesNotContain("ok=0 ");
    assertThat(JSON.readTree(client.post(host, "/v1/predict", ROWS)))
        .isEqualTo(JSON.readTree(serving.reference(better.getStatus().archived(), ROWS)));
  }

  /**
   * A trial pod evicted mid-run through the Eviction API (as a node drain does) is replaced by a
   * new container that resumes from the trial's last checkpoint in MinIO; the trial succeeds with
   * no failure counted although it allows no retry.
   */
  @Test
  @Order(3)
  void anEvictedTrialResumesFromItsCheckpointInANewContainer() throws Exception {
    assertThat(studies).as("the chart was installed first").isNotNull();
    applyResource("evicted-study.yaml");
    String checkpoints = "studies/" + studies + "/evicted/trials/evicted-0/checkpoints/";
    // latest.json is written last: only then is the checkpoint one a new container resumes from.
    await(
        "the trial's first checkpoint in MinIO",
        () -> minio.keys(BUCKET, checkpoints),
        keys -> keys.contains(checkpoints + "latest.json"));
    Pod first = trialPods("evicted").get(0);
    cluster.client().pods().inNamespace(studies).resource(first).evict();

    TrainingStudy done =
        await(
            "the evicted study to end",
            () -> study(studies, "evicted"),
            s ->
                s != null
                    && s.getStatus() != null
                    && (s.getStatus().phase() == StudyPhase.Succeeded
                        || s.getStatus().phase() == StudyPhase.Failed));
    assertThat(done.getStatus().phase()).as(operatorLog()).isEqualTo(StudyPhase.Succeeded);
    assertThat(done.getStatus().trials().succeeded()).isEqualTo(1);
    assertThat(done.getStatus().trials().failed()).isZero();
    Pod second = trialPods("evicted").get(0);
    assertThat(second.getMetadata().getUid()).isNotEqualTo(first.getMetadata().getUid());
    ChartCommands.Result log =
        commands.kubectl(null, "logs", "-n", studies, second.getMetadata().getName());
    assertThat(log.out() + log.err()).contains("resumed from the checkpoint of epoch");
  }

  /**
   * examples/bring-your-own applied unchanged: a Python script that knows nothing of Paddock, in an
   * image built like Paddock's, collected by the native sidecar from what it prints and from the
   * CSV it writes, its weak trials stopped early, its output and checkpoints kept and the best
   * archived; beside it, the same training pushing through the Python client to the operator's
   * Service.
   */
  @Test
  @Order(4)
  void anyScriptRunsUnchangedWithTheCollectorSidecar() throws Exception {
    assertThat(studies).as("the chart was installed first").isNotNull();
    for (String manifest : List.of("study-stdout.yaml", "study-file.yaml", "study-client.yaml")) {
      ChartCommands.Result applied =
          commands.kubectl(
              null,
              "apply",
              "-n",
              studies,
              "-f",
              ROOT.resolve("examples/bring-your-own/" + manifest).toString());
      assertThat(applied.exit()).as(applied.toString()).isZero();
    }
    CollectedTrialChecks checks =
        new CollectedTrialChecks(cluster.client(), commands, minio, BUCKET);
    for (String name : List.of("byo-stdout", "byo-file", "byo-client")) {
      TrainingStudy done = awaitEnd(name);
      assertThat(done.getStatus().phase()).as(name + operatorLog()).isEqualTo(StudyPhase.Succeeded);
      List<Trial> trials = trials(name);
      assertThat(trials).hasSize(6);
      assertThat(trials)
          .as("the median rule stops some of the weak trials")
          .anyMatch(t -> t.getStatus().phase() == TrialPhase.Pruned);
      for (Trial trial : trials) {
        if (name.equals("byo-client")) {
          checks.pushed(trial, "BYC-", 12);
        } else {
          checks.check(trial, "BYO-", 12);
        }
      }
      CollectedTrialChecks.someArchived(trials);
    }
  }

  /**
   * The script's own checkpoint survives an eviction: the new pod's collector restores it from
   * MinIO before the script starts again, and the script resumes where it was.
   */
  @Test
  @Order(5)
  void anEvictedScriptResumesFromItsOwnCheckpoint() throws Exception {
    assertThat(studies).as("the chart was installed first").isNotNull();
    applyResource("byo-evicted.yaml");
    String prefix = ArtifactLayout.trial(studies, "byo-evicted", "byo-evicted-0");
    String checkpoint = prefix + "checkpoints/checkpoint.json";
    await(
        "the script's checkpoint in MinIO",
        () -> minio.keys(BUCKET, checkpoint),
        keys -> keys.contains(checkpoint));
    Pod first = trialPods("byo-evicted").get(0);
    cluster.client().pods().inNamespace(studies).resource(first).evict();

    TrainingStudy done = awaitEnd("byo-evicted");
    assertThat(done.getStatus().phase()).as(operatorLog()).isEqualTo(StudyPhase.Succeeded);
    assertThat(done.getStatus().trials().failed()).isZero();
    Pod second = trialPods("byo-evicted").get(0);
    assertThat(second.getMetadata().getUid()).isNotEqualTo(first.getMetadata().getUid());
    ChartCommands.Result log =
        commands.kubectl(
            null, "logs", "-n", studies, second.getMetadata().getName(), "-c", "trainer");
    assertThat(log.out())
        .containsPattern("resuming from \\S+checkpoint.json: epoch [1-9]\\d* of 30 done");
    assertThat(minio.keys(BUCKET, prefix)).anyMatch(k -> k.endsWith("/best_model.json"));
  }

  /** {@code kubectl apply} of a study from src/test/resources/real-node. */
  private void applyResource(String name) throws IOException {
    ChartCommands.Result applied =
        commands.kubectl(
            Files.readString(Path.of("src/test/resources/real-node", name)),
            "apply",
            "-n",
            studies,
            "-f",
            "-");
    assertThat(applied.exit()).as(applied.toString()).isZero();
  }

  private TrainingStudy awaitEnd(String name) throws InterruptedException {
    return await(
        name + " to end",
        () -> study(studies, name),
        s ->
            s != null
                && s.getStatus() != null
                && (s.getStatus().phase() == StudyPhase.Succeeded
                    || s.getStatus().phase() == StudyPhase.Failed));
  }

  private List<Trial> trials(String study) {
    return cluster.client().resources(Trial.class).inNamespace(studies).list().getItems().stream()
        .filter(t -> study.equals(t.getSpec().study()))
        .toList();
  }

  private List<Pod> trialPods(String study) {
    return livePods("paddock.dev/study", study);
  }

  /** The pods in the studies' namespace with this label, leaving out those being deleted. */
  private List<Pod> livePods(String label, String value) {
    return cluster
        .client()
        .pods()
        .inNamespace(studies)
        .withLabel(label, value)
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .toList();
  }

  private void pinModel(String uri) {
    String yaml =
        "apiVersion: paddock.dev/v1alpha1\nkind: ModelDeployment\nmetadata: {name: serving}\n"
            + "spec:\n  source: {model: {uri: \""
            + uri
            + "\"}}\n  serving: {replicas: 1}\n  rollout: {progressDeadlineSeconds: 240}\n";
    ChartCommands.Result result = commands.kubectl(yaml, "apply", "-n", studies, "-f", "-");
    assertThat(result.exit()).as(result.toString()).isZero();
  }

  /** The ModelDeployment is Ready on the trial's model, and every serving pod runs that model. */
  private void awaitServing(Trial trial) throws InterruptedException {
    String uri = trial.getStatus().archived();
    await(
        "the ModelDeployment to serve " + uri,
        () ->
            cluster
                .client()
                .resources(ModelDeployment.class)
                .inNamespace(studies)
                .withName("serving")
                .get(),
        d ->
            d != null
                && d.getStatus() != null
                && d.getStatus().slots() != null
                && d.getStatus().slots().primary() != null
                && uri.equals(d.getStatus().slots().primary().uri())
                && d.getStatus().conditions() != null
                && d.getStatus().conditions().stream()
                    .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()))
                && servingPods().stream()
                    .allMatch(p -> uri.equals(p.getMetadata().getAnnotations().get(MODEL_URI))));
  }

  private List<Pod> servingPods() {
    return livePods("paddock.dev/model-deployment", "serving");
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
            .replace(
                "archive: {topPercent: 25, minGrade: B}", "archive: {topPercent: 50, minGrade: D}")
            .replace("  deploy: {modelDeployment: quickstart-serving, minGrade: A}\n", "");
    ChartCommands.Result result = commands.kubectl(yaml, "apply", "-n", namespace, "-f", "-");
    assertThat(result.exit()).as(result.toString()).isZero();
  }

  private TrainingStudy study(String namespace) {
    return study(namespace, "quickstart");
  }

  private TrainingStudy study(String namespace, String name) {
    return cluster
        .client()
        .resources(TrainingStudy.class)
        .inNamespace(namespace)
        .withName(name)
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
