package dev.paddock.operator.k8s.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.StudyPhase;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.operator.k8s.ClusterSettings;
import dev.paddock.operator.k8s.PaddockOperator;
import dev.paddock.operator.k8s.ReconcileRetry;
import dev.paddock.operator.k8s.TestOperatorSettings;
import dev.paddock.operator.k8s.metrics.ApiRequestMetrics;
import dev.paddock.testsupport.ClusterControllers;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reconcilers on a real control plane: kwok nodes (two with GPUs, one without) run the trial
 * pods and complete them with a trainer summary in the termination message.
 */
@ExtendWith(KubeClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudyOperatorIT {

  /**
   * Two quick retries, then a recheck every 5 s: what the operator does once the retries are over
   * is seen in seconds, not in the half-minute of the operator SDK's defaults.
   */
  private static final ReconcileRetry QUICK_RETRY =
      new ReconcileRetry(2, Duration.ofMillis(500), 1.5, Duration.ofSeconds(5));

  private KubeCluster cluster;
  private ClusterControllers controllers;
  private PaddockOperator operator;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private io.fabric8.kubernetes.client.KubernetesClient client;

  @BeforeAll
  void start(KubeCluster cluster) {
    this.cluster = cluster;
    controllers =
        ClusterControllers.start(
            cluster, Path.of("src", "test", "resources", "kwok", "stages.yaml"));
    controllers.addNode("op-gpu-1", Map.of("nvidia.com/gpu", "2"));
    controllers.addNode("op-gpu-2", Map.of("nvidia.com/gpu", "2"));
    controllers.addNode("op-cpu-1", Map.of());
    startOperator();
  }

  private void startOperator() {
    if (client == null) {
      client =
          ApiRequestMetrics.client(
              io.fabric8.kubernetes.client.Config.fromKubeconfig(cluster.kubeconfig()), registry);
    }
    ClusterSettings settings =
        new ClusterSettings(
            "http://paddock:8080/v1/report",
            "s3://paddock",
            "http://minio:9000",
            "paddock-store",
            null,
            null);
    operator =
        PaddockOperator.start(
            TestOperatorSettings.allNamespaces(settings).withRetry(QUICK_RETRY), client, registry);
  }

  @AfterAll
  void stop() {
    operator.close();
    controllers.close();
    client.close();
  }

  @Test
  void theOperatorAnswersProbesAndRefusesReportsWithoutAToken() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var health =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + operator.healthPort() + "/readyz"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    var report =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + operator.reportPort() + "/v1/report"))
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"trial\":\"a/b\",\"epoch\":1}"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());

    var metrics =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + operator.healthPort() + "/metrics"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("operator_sdk_")
        .contains("paddock_report_latency")
        .contains("paddock_trials{phase=\"Running\"}")
        .contains("jvm_memory_used_bytes")
        .containsPattern("paddock_api_requests_total\\{code=\"200\",method=\"GET\"\\} [1-9]");
    assertThat(report.statusCode()).isEqualTo(401);
  }

  @Test
  void anOperatorRestartedMidStudyFinishesItWithNoDuplicateOrLostTrial() throws Exception {
    String namespace = cluster.createNamespace("study-restart");
    create(namespace, "budget: {maxTrials: 8, parallelism: 1}");
    cluster
        .client()
        .resources(Trial.class)
        .inNamespace(namespace)
        .withName("quickstart-2")
        .waitUntilCondition(java.util.Objects::nonNull, 60, TimeUnit.SECONDS);

    operator.close();
    startOperator();

    TrainingStudy done = awaitPhase(namespace, StudyPhase.Succeeded);
    assertThat(done.getStatus().trials().succeeded()).isEqualTo(8);
    assertThat(cluster.client().resources(Trial.class).inNamespace(namespace).list().getItems())
        .extracting(t -> t.getSpec().index())
        .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(cluster.client().batch().v1().jobs().inNamespace(namespace).list().getItems())
        .hasSize(8);
  }

  /**
   * A crash in the middle of a batch of Trial creations leaves a scattered subset of it: here the
   * operator stops once the first batch (0, 1, 2) is there and Trial 1 is deleted, as if its
   * creation had been lost. The restarted operator refills index 1 before any new one, the study
   * ends with exactly the indices 0..5, and every index has the parameters of an uninterrupted
   * study with the same seed.
   */
  @Test
  void indicesLostFromABatchAreRefilledWithTheParametersOfAnUninterruptedRun() throws Exception {
    String namespace = cluster.createNamespace("study-refill");
    UnaryOperator<String> random =
        yaml ->
            yaml.replace("algorithm: tpe", "algorithm: random")
                .replace(QUICKSTART_BUDGET, "budget: {maxTrials: 6, parallelism: 3}");
    createStudy(namespace, random);
    var trials = cluster.client().resources(Trial.class).inNamespace(namespace);
    trials.withName("quickstart-2").waitUntilCondition(Objects::nonNull, 60, TimeUnit.SECONDS);
    operator.close();
    trials
        .withName("quickstart-1")
        .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.FOREGROUND)
        .delete();
    trials.withName("quickstart-1").waitUntilCondition(Objects::isNull, 60, TimeUnit.SECONDS);
    startOperator();
    awaitPhase(namespace, StudyPhase.Succeeded);
    createStudy(
        namespace, yaml -> random.apply(yaml).replace("name: quickstart", "name: straight"));
    QuickstartStudies.awaitPhase(cluster, namespace, "straight", StudyPhase.Succeeded);

    Map<Integer, Map<String, String>> refilled = parametersByIndex(namespace, "quickstart");
    assertThat(refilled).containsOnlyKeys(0, 1, 2, 3, 4, 5);
    assertThat(refilled).isEqualTo(parametersByIndex(namespace, "straight"));
    assertThat(cluster.client().batch().v1().jobs().inNamespace(namespace).list().getItems())
        .filteredOn(j -> j.getMetadata().getName().startsWith("quickstart-"))
        .hasSize(6);
  }

  private Map<Integer, Map<String, String>> parametersByIndex(String namespace, String study) {
    return cluster.client().resources(Trial.class).inNamespace(namespace).list().getItems().stream()
        .filter(t -> study.equals(t.getSpec().study()))
        .collect(
            java.util.stream.Collectors.toMap(
                t -> t.getSpec().index(), t -> t.getSpec().parameters()));
  }

  @Test
  void aSuspendedStudyStartsNoTrialUntilResumed() throws Exception {
    String namespace = cluster.createNamespace("study-suspend");
    create(namespace, "budget: {maxTrials: 4, parallelism: 1}\n  suspend: true");

    awaitPhase(namespace, StudyPhase.Suspended);
    assertThat(cluster.client().resources(Trial.class).inNamespace(namespace).list().getItems())
        .isEmpty();
    cluster
        .client()
        .resources(TrainingStudy.class)
        .inNamespace(namespace)
        .withName("quickstart")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":false}}");

    TrainingStudy done = awaitPhase(namespace, StudyPhase.Succeeded);
    assertThat(done.getStatus().trials().succeeded()).isEqualTo(4);
  }

  /**
   * A trial whose pod cannot start is Pending once its grace is over, in the words of whoever holds
   * it up: the real scheduler (no node has 64 GPUs), or the Kueue queue its suspended Job waits for
   * (no Kueue runs here, so it waits on).
   */
  @Test
  void aTrialThatCannotStartSaysWhy() throws Exception {
    String unschedulable = cluster.createNamespace("study-unschedulable");
    createStudy(
        unschedulable,
        yaml ->
            yaml.replace(QUICKSTART_BUDGET, "budget: {maxTrials: 1, parallelism: 1}")
                .replace("nvidia.com/gpu: 1", "nvidia.com/gpu: 64"));
    String queued = cluster.createNamespace("study-queued");
    createStudy(
        queued,
        yaml ->
            yaml.replace(
                QUICKSTART_BUDGET,
                "budget: {maxTrials: 1, parallelism: 1}\n  scheduling: {queueName: team-a}"));

    Trial waiting = awaitTrialReason(unschedulable, "Unschedulable");
    assertThat(waiting.getStatus().phase()).isEqualTo(TrialPhase.Pending);
    assertThat(waiting.getStatus().message())
        .startsWith("the trial's pod cannot be scheduled: ")
        .contains("Insufficient nvidia.com/gpu");
    Trial inQueue = awaitTrialReason(queued, "Queued");
    assertThat(inQueue.getStatus().phase()).isEqualTo(TrialPhase.Pending);
    assertThat(inQueue.getStatus().message())
        .isEqualTo("waiting for queue team-a to admit the trial's Job");
  }

  /**
   * A ResourceQuota refuses the study's second Trial and its trials' Jobs: the study says so in its
   * Stalled condition and a Warning event, the trial it could create is Pending with the API
   * server's reason, and once the quota is lifted, after the operator SDK's retries have given up,
   * both go on to the end: a failing reconcile is rechecked (here every 5 s, {@link #QUICK_RETRY}),
   * not left until the resource's next event.
   */
  @Test
  void whatTheApiServerRefusesIsSaidAndTheStudyResumesOnceItIsAllowed() throws Exception {
    String namespace = cluster.createNamespace("study-quota");
    client
        .resourceQuotas()
        .inNamespace(namespace)
        .resource(
            new io.fabric8.kubernetes.api.model.ResourceQuotaBuilder()
                .withNewMetadata()
                .withName("trials")
                .endMetadata()
                .withNewSpec()
                .addToHard(
                    "count/trials.paddock.dev", new io.fabric8.kubernetes.api.model.Quantity("1"))
                .addToHard("count/jobs.batch", new io.fabric8.kubernetes.api.model.Quantity("0"))
                .endSpec()
                .build())
        .create();
    // The quota admits nothing until the controller manager has counted what it covers.
    client
        .resourceQuotas()
        .inNamespace(namespace)
        .withName("trials")
        .waitUntilCondition(
            q ->
                q.getStatus() != null
                    && q.getStatus().getHard() != null
                    && q.getStatus().getHard().containsKey("count/jobs.batch"),
            60,
            TimeUnit.SECONDS);
    create(namespace, "budget: {maxTrials: 2, parallelism: 2}");

    TrainingStudy stalled;
    try {
      stalled =
          cluster
              .client()
              .resources(TrainingStudy.class)
              .inNamespace(namespace)
              .withName("quickstart")
              .waitUntilCondition(
                  s -> s.getStatus() != null && stalled(s).isPresent(), 90, TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      throw new AssertionError(
          "no Stalled condition: "
              + client
                  .resources(TrainingStudy.class)
                  .inNamespace(namespace)
                  .withName("quickstart")
                  .get()
              + "\ntrials: "
              + client.resources(Trial.class).inNamespace(namespace).list().getItems()
              + "\nquota: "
              + client.resourceQuotas().inNamespace(namespace).withName("trials").get(),
          e);
    }
    assertThat(stalled(stalled).orElseThrow().getMessage())
        .startsWith("the operator could not reconcile it: trials.paddock.dev ")
        .contains("is forbidden: exceeded quota: trials")
        .endsWith("(HTTP 403)");
    Trial pending =
        client.resources(Trial.class).inNamespace(namespace).list().getItems().stream()
            .findFirst()
            .map(
                t ->
                    client
                        .resources(Trial.class)
                        .inNamespace(namespace)
                        .withName(t.getMetadata().getName())
                        .waitUntilCondition(
                            x ->
                                x.getStatus() != null
                                    && "JobNotCreated".equals(x.getStatus().reason()),
                            90,
                            TimeUnit.SECONDS))
            .orElseThrow();
    assertThat(pending.getStatus().phase()).isEqualTo(TrialPhase.Pending);
    assertThat(pending.getStatus().message())
        .contains("jobs.batch \"" + pending.getMetadata().getName() + "\" is forbidden")
        .contains("exceeded quota: trials");
    assertThat(client.events().v1().events().inNamespace(namespace).list().getItems())
        .extracting(io.fabric8.kubernetes.api.model.events.v1.Event::getReason)
        .contains("ReconcileError", "JobNotCreated");

    // Past the operator SDK's retries (two, about a second in all): from here on, the trial whose
    // Job was refused gets no event at all, and only the operator's own recheck can see that the
    // quota is gone.
    TimeUnit.SECONDS.sleep(4);
    assertThat(trialReconciles("2", "true"))
        .as("the trial's last retry, the second, as configured")
        .isPositive();
    assertThat(trialReconciles("3", "true") + trialReconciles("3", "false"))
        .as("no third retry: the operator SDK's default of five does not apply")
        .isZero();
    client.resourceQuotas().inNamespace(namespace).withName("trials").delete();

    TrainingStudy done = awaitPhase(namespace, StudyPhase.Succeeded);
    assertThat(done.getStatus().trials().succeeded()).isEqualTo(2);
    assertThat(stalled(done)).isEmpty();
    assertThat(client.resources(Trial.class).inNamespace(namespace).list().getItems())
        .allSatisfy(
            t -> {
              assertThat(t.getStatus().phase()).isEqualTo(TrialPhase.Succeeded);
              assertThat(t.getStatus().attempts()).isEqualTo(1);
            });
  }

  /** Trial reconciles started so far at this retry attempt, from the operator SDK's metrics. */
  private double trialReconciles(String attempt, String last) {
    io.micrometer.core.instrument.Counter counter =
        registry
            .find("operator.sdk.reconciliations.started")
            .tags(
                "kind",
                "Trial",
                "reconciliations.retries.number",
                attempt,
                "reconciliations.retries.last",
                last)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private static java.util.Optional<io.fabric8.kubernetes.api.model.Condition> stalled(
      TrainingStudy study) {
    return study.getStatus().conditions() == null
        ? java.util.Optional.empty()
        : study.getStatus().conditions().stream()
            .filter(c -> "Stalled".equals(c.getType()) && "True".equals(c.getStatus()))
            .findFirst();
  }

  private Trial awaitTrialReason(String namespace, String reason) {
    return QuickstartStudies.awaitFirstTrial(
        cluster, namespace, t -> t.getStatus() != null && reason.equals(t.getStatus().reason()));
  }

  private static final String QUICKSTART_BUDGET = QuickstartStudies.BUDGET;

  private void create(String namespace, String budget) throws IOException {
    createStudy(namespace, yaml -> yaml.replace(QUICKSTART_BUDGET, budget));
  }

  private void createStudy(String namespace, UnaryOperator<String> edit) throws IOException {
    QuickstartStudies.create(cluster, namespace, edit);
  }

  private TrainingStudy awaitPhase(String namespace, StudyPhase phase) {
    return QuickstartStudies.awaitPhase(cluster, namespace, phase);
  }

  @Test
  void aStudyLearnsFromTheTrialsOfTheStudiesInItsHistory() throws Exception {
    String namespace = cluster.createNamespace("study-history");
    create(namespace, "budget: {maxTrials: 6, parallelism: 3}");
    awaitPhase(namespace, StudyPhase.Succeeded);
    createStudy(
        namespace,
        yaml ->
            yaml.replace("name: quickstart", "name: learner")
                .replace(
                    "tpe: {startupTrials: 5}",
                    "tpe: {startupTrials: 5}\n    historyFrom: [quickstart]")
                .replace(QUICKSTART_BUDGET, "budget: {maxTrials: 1, parallelism: 1}"));

    Trial first =
        cluster
            .client()
            .resources(Trial.class)
            .inNamespace(namespace)
            .withName("learner-0")
            .waitUntilCondition(java.util.Objects::nonNull, 60, TimeUnit.SECONDS);

    // Same seed and index: without history it would repeat the donor's random startup draw.
    Trial donorFirst =
        cluster
            .client()
            .resources(Trial.class)
            .inNamespace(namespace)
            .withName("quickstart-0")
            .get();
    assertThat(first.getSpec().parameters()).isNotEqualTo(donorFirst.getSpec().parameters());
  }

  @Test
  void reachingTheGoalEndsTheStudy() throws IOException {
    String namespace = cluster.createNamespace("study-goal");
    createStudy(
        namespace,
        yaml ->
            yaml.replace(
                    "objective: {metric: val_f1, direction: maximize}",
                    "objective: {metric: val_f1, direction: maximize, goal: 0.85}")
                .replace(QUICKSTART_BUDGET, "budget: {maxTrials: 50, parallelism: 1}"));

    TrainingStudy done = awaitPhase(namespace, StudyPhase.Succeeded);

    assertThat(done.getStatus().conditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Succeeded");
              assertThat(c.getReason()).isEqualTo("GoalReached");
            });
    assertThat(done.getStatus().trials().succeeded()).isEqualTo(1);
    assertThat(cluster.client().resources(Trial.class).inNamespace(namespace).list().getItems())
        .hasSize(1);
  }

  @Test
  void aStudyRunsItsTrialsOnGpuNodesToTheEnd() throws IOException {
    String namespace = cluster.createNamespace("study-op");
    create(namespace, "budget: {maxTrials: 6, parallelism: 3}");

    TrainingStudy done = awaitPhase(namespace, StudyPhase.Succeeded);

    List<Trial> trials =
        cluster.client().resources(Trial.class).inNamespace(namespace).list().getItems();
    assertThat(trials)
        .hasSize(6)
        .allSatisfy(
            t -> {
              assertThat(t.getStatus().phase()).isEqualTo(TrialPhase.Succeeded);
              assertThat(t.getStatus().objective()).isEqualTo(0.9);
              assertThat(t.getStatus().grade()).isEqualTo(dev.paddock.api.v1alpha1.Grade.C);
              assertThat(t.getStatus().code()).startsWith("QS-C-N");
            });
    assertThat(trials)
        .extracting(t -> t.getMetadata().getName())
        .containsExactlyInAnyOrder(
            "quickstart-0",
            "quickstart-1",
            "quickstart-2",
            "quickstart-3",
            "quickstart-4",
            "quickstart-5");
    assertThat(done.getStatus().trials().succeeded()).isEqualTo(6);
    assertThat(done.getStatus().best().trial()).isEqualTo("quickstart-0");
    assertThat(done.getStatus().conditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Succeeded");
              assertThat(c.getStatus()).isEqualTo("True");
            });
    assertThat(trials).allSatisfy(t -> assertThat(t.getStatus().gpuSeconds()).isNotNull());
    assertThat(done.getStatus().gpuSeconds())
        .isEqualTo(trials.stream().mapToLong(t -> t.getStatus().gpuSeconds()).sum());
    var events = cluster.client().events().v1().events().inNamespace(namespace).list().getItems();
    assertThat(events)
        .filteredOn(e -> "quickstart".equals(e.getRegarding().getName()))
        .extracting(e -> e.getReason())
        .contains("TrialsRunning", "MaxTrialsReached");
    assertThat(events)
        .filteredOn(
            e -> "Trial".equals(e.getRegarding().getKind()) && "Completed".equals(e.getReason()))
        .hasSize(6)
        .allSatisfy(e -> assertThat(e.getNote()).startsWith("Succeeded QS-C-"));
    List<Pod> pods = cluster.client().pods().inNamespace(namespace).list().getItems();
    assertThat(pods)
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.getSpec().getNodeName()).startsWith("op-gpu-"));
  }
}
