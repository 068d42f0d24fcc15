package dev.paddock.operator.k8s.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.paddock.api.v1alpha1.ModelDeployment;
import dev.paddock.api.v1alpha1.RolloutEvent;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.operator.archive.ArchiveCandidate;
import dev.paddock.operator.archive.ArchiveKeys;
import dev.paddock.operator.archive.Archiver;
import dev.paddock.operator.grading.Grade;
import dev.paddock.operator.k8s.ClusterSettings;
import dev.paddock.operator.k8s.ReconcileRetry;
import dev.paddock.operator.k8s.archive.OperatorStore;
import dev.paddock.operator.k8s.archive.StoreCredentials;
import dev.paddock.testsupport.ClusterControllers;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import dev.paddock.testsupport.MinioExtension;
import dev.paddock.testsupport.MinioServer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ModelDeployment reconciler on a real control plane (API server, deployment, replicaset and
 * endpointslice controllers, kwok nodes that make pods Running and Ready) reading a real archive in
 * real MinIO, written by the real {@link Archiver}. The pods of the model coded {@value #UNREADY}
 * never become ready (kwok/serving-stages.yaml), the fixture for a candidate whose readiness fails.
 *
 * <p>The source is re-read only on events (the recheck period is an hour here): each archive is
 * followed by a change to the study, as the study reconciler's status write after archiving, so
 * these tests also show that a ModelDeployment follows its study.
 */
@ExtendWith({KubeClusterExtension.class, MinioExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelDeploymentIT {

  static final String UNREADY = "QS-S-UNREADY";
  private static final String STUDY = "quickstart";
  private static final String SECRET = "paddock-store";
  private static final String IMAGE = "paddock/trainer:it";
  private static final long WAIT_SECONDS = 180;

  private KubeCluster cluster;
  private KubernetesClient client;
  private MinioServer minio;
  private ClusterControllers controllers;
  private Operator operator;
  private ArtifactStore store;
  private int trials;

  @BeforeAll
  void start(KubeCluster cluster, MinioServer minio) {
    this.cluster = cluster;
    this.client = cluster.client();
    this.minio = minio;
    minio.createBucket("paddock");
    controllers =
        ClusterControllers.start(
            cluster, Path.of("src", "test", "resources", "kwok", "serving-stages.yaml"));
    controllers.addNode("serving-1", Map.of());
    ClusterSettings settings =
        new ClusterSettings(
            "http://paddock:8080/v1/report", "s3://paddock/", minio.endpoint(), SECRET, null, null);
    store =
        new OperatorStore(settings, new StoreCredentials(minio.accessKey(), minio.secretKey()))
            .get();
    operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false));
    operator.register(
        new ModelDeploymentReconciler(
            new ServingSettings(settings, IMAGE, Duration.ofHours(1)),
            store,
            Clock.systemUTC(),
            ReconcileRetry.DEFAULT));
    operator.start();
  }

  @AfterAll
  void stop() {
    if (operator != null) {
      operator.stop();
    }
    if (controllers != null) {
      controllers.close();
    }
  }

  @Test
  void servesTheBestArchivedModelAndPromotesABetterOne() throws IOException {
    String ns = studyNamespace("mdep-promote");
    String first = archive(ns, "QS-A-1", Grade.A, 0.955);
    archive(ns, "QS-B-1", Grade.B, 0.93);
    create(ns, "serving", "gates: {minGrade: B}\n  serving: {replicas: 2}");

    ModelDeployment served = awaitStatus(ns, "serving", md -> servedAndReady(md, "QS-A-1"));
    assertThat(served.getStatus().slots().backup()).isNull();
    assertThat(served.getStatus().slots().primary().uri()).isEqualTo(first);
    Deployment deployment = client.apps().deployments().inNamespace(ns).withName("serving").get();
    assertServes(deployment, "QS-A-1", first, served);
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(deployment.getSpec().getProgressDeadlineSeconds()).isEqualTo(600);
    Service service = client.services().inNamespace(ns).withName("serving").get();
    assertThat(service.getSpec().getSelector())
        .containsExactly(Map.entry(ServingLabels.MODEL_DEPLOYMENT, "serving"));
    assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("http");
    assertThat(service.getMetadata().getOwnerReferences().get(0).getUid())
        .isEqualTo(served.getMetadata().getUid());

    String better = archive(ns, "QS-S-1", Grade.S, 0.975);
    touchStudy(ns);

    ModelDeployment promoted = awaitStatus(ns, "serving", md -> servedAndReady(md, "QS-S-1"));
    assertThat(promoted.getStatus().slots().primary().uri()).isEqualTo(better);
    assertThat(promoted.getStatus().slots().backup().code()).isEqualTo("QS-A-1");
    assertThat(promoted.getStatus().history())
        .extracting(RolloutEvent::action, RolloutEvent::code)
        .containsExactly(tuple("Promoted", "QS-S-1"), tuple("Promoted", "QS-A-1"));
    assertServes(
        client.apps().deployments().inNamespace(ns).withName("serving").get(),
        "QS-S-1",
        better,
        promoted);
    awaitPods(ns, "QS-A-1", 0);
    assertThat(servingPods(ns, "QS-S-1")).isEqualTo(2);
    assertThat(events(ns, "Promoted")).hasSize(2).anyMatch(e -> e.getNote().contains("QS-S-1"));
    assertThat(condition(promoted, "RolledBack").getStatus()).isEqualTo("False");
    assertThat(condition(promoted, "Ready").getObservedGeneration())
        .isEqualTo(promoted.getMetadata().getGeneration());
  }

  /**
   * A ResourceQuota that admits no Deployment: the ModelDeployment says so (Stalled, in the API
   * server's words, and a Warning event), then serves once the quota is lifted.
   */
  @Test
  void saysWhatTheApiServerRefusesAndServesOnceAllowed() throws IOException {
    String ns = studyNamespace("mdep-quota");
    client
        .resourceQuotas()
        .inNamespace(ns)
        .resource(
            new io.fabric8.kubernetes.api.model.ResourceQuotaBuilder()
                .withNewMetadata()
                .withName("no-deployments")
                .endMetadata()
                .withNewSpec()
                .addToHard(
                    "count/deployments.apps", new io.fabric8.kubernetes.api.model.Quantity("0"))
                .endSpec()
                .build())
        .create();
    client
        .resourceQuotas()
        .inNamespace(ns)
        .withName("no-deployments")
        .waitUntilCondition(
            q ->
                q.getStatus() != null
                    && q.getStatus().getHard().containsKey("count/deployments.apps"),
            60,
            TimeUnit.SECONDS);
    archive(ns, "QS-A-1", Grade.A, 0.955);
    create(ns, "serving", "gates: {minGrade: B}");

    ModelDeployment stalled =
        awaitStatus(ns, "serving", md -> hasCondition(md, "Stalled", "True", "ReconcileError"));
    assertThat(condition(stalled, "Stalled").getMessage())
        .contains("deployments.apps \"serving\" is forbidden: exceeded quota: no-deployments");
    assertThat(events(ns, "ReconcileError")).isNotEmpty();

    client.resourceQuotas().inNamespace(ns).withName("no-deployments").delete();

    ModelDeployment served = awaitStatus(ns, "serving", md -> servedAndReady(md, "QS-A-1"));
    assertThat(condition(served, "Stalled")).isNull();
  }

  @Test
  void refusesModelsBelowTheGatesAndSaysWhy() throws IOException {
    String ns = studyNamespace("mdep-gates");
    archive(ns, "QS-A-1", Grade.A, 0.955);
    create(ns, "strict", "gates: {minGrade: S}");
    create(ns, "steady", "gates: {minImprovement: 0.01}");

    ModelDeployment strict =
        awaitStatus(ns, "strict", md -> hasCondition(md, "Progressing", "False", "Refused"));
    assertThat(condition(strict, "Progressing").getMessage())
        .isEqualTo("QS-A-1 is graded A, below the minimum S");
    assertThat(condition(strict, "Ready").getStatus()).isEqualTo("False");
    assertThat(strict.getStatus().slots()).isNull();
    assertThat(client.apps().deployments().inNamespace(ns).withName("strict").get()).isNull();

    awaitStatus(ns, "steady", md -> servedAndReady(md, "QS-A-1"));
    archive(ns, "QS-A-2", Grade.A, 0.958);
    touchStudy(ns);

    ModelDeployment steady =
        awaitStatus(ns, "steady", md -> hasCondition(md, "Progressing", "False", "Refused"));
    assertThat(condition(steady, "Progressing").getMessage())
        .startsWith("QS-A-2 (0.9580) does not improve on the primary QS-A-1 (0.9550) by at least");
    assertThat(steady.getStatus().slots().primary().code()).isEqualTo("QS-A-1");
    assertThat(condition(steady, "Ready").getStatus()).isEqualTo("True");
    assertThat(steady.getStatus().history().get(0))
        .extracting(RolloutEvent::action, RolloutEvent::code)
        .containsExactly("Refused", "QS-A-2");
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace(ns)
                .withName("steady")
                .get()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations())
        .containsEntry(ServingLabels.MODEL_CODE_ANNOTATION, "QS-A-1");
    assertThat(events(ns, "Refused")).anyMatch(e -> e.getNote().contains("QS-A-2"));
  }

  @Test
  void rollsBackACandidateThatNeverBecomesReadyAndDoesNotRetryIt() throws IOException {
    String ns = studyNamespace("mdep-rollback");
    String first = archive(ns, "QS-A-1", Grade.A, 0.955);
    create(ns, "serving", "rollout: {progressDeadlineSeconds: 15}");
    awaitStatus(ns, "serving", md -> servedAndReady(md, "QS-A-1"));

    archive(ns, UNREADY, Grade.S, 0.99);
    touchStudy(ns);
    awaitStatus(ns, "serving", md -> primary(md, UNREADY));
    awaitRunningButNotReady(ns, UNREADY);

    ModelDeployment rolledBack =
        awaitStatus(
            ns,
            "serving",
            md -> hasCondition(md, "RolledBack", "True", "ProgressDeadlineExceeded"));
    assertThat(rolledBack.getStatus().slots().primary().code()).isEqualTo("QS-A-1");
    assertThat(rolledBack.getStatus().slots().primary().uri()).isEqualTo(first);
    assertThat(rolledBack.getStatus().slots().backup()).isNull();
    assertThat(rolledBack.getStatus().failedModels()).containsExactly(UNREADY);
    assertThat(condition(rolledBack, "RolledBack").getMessage())
        .isEqualTo(UNREADY + " did not become available within 15s; rolled back to QS-A-1");
    assertThat(rolledBack.getStatus().history())
        .extracting(RolloutEvent::action, RolloutEvent::code)
        .containsExactly(
            tuple("RolledBack", UNREADY), tuple("Promoted", UNREADY), tuple("Promoted", "QS-A-1"));
    assertThat(events(ns, "RolledBack"))
        .singleElement()
        .satisfies(e -> assertThat(e.getType()).isEqualTo("Warning"));

    ModelDeployment restored = awaitStatus(ns, "serving", md -> servedAndReady(md, "QS-A-1"));
    assertServes(
        client.apps().deployments().inNamespace(ns).withName("serving").get(),
        "QS-A-1",
        first,
        restored);
    awaitPods(ns, UNREADY, 0);

    // A later model better than the primary (but worse than the failed one) is promoted: the
    // failed candidate, still the best archived, is not tried again.
    archive(ns, "QS-S-2", Grade.S, 0.97);
    touchStudy(ns);
    ModelDeployment next = awaitStatus(ns, "serving", md -> servedAndReady(md, "QS-S-2"));
    assertThat(next.getStatus().slots().backup().code()).isEqualTo("QS-A-1");
    assertThat(next.getStatus().history())
        .filteredOn(e -> e.code().equals(UNREADY) && e.action().equals("Promoted"))
        .hasSize(1);
    assertThat(condition(next, "RolledBack").getStatus()).isEqualTo("False");
  }

  @Test
  void aCanaryRunsBesideThePrimaryBeforePromotionAndAFailingOneIsDropped() throws IOException {
    String ns = studyNamespace("mdep-canary");
    archive(ns, "QS-A-1", Grade.A, 0.955);
    create(
        ns, "serving", "rollout: {progressDeadlineSeconds: 15, canary: {replicas: 1, minutes: 1}}");
    awaitStatus(ns, "serving", md -> servedAndReady(md, "QS-A-1"));

    String better = archive(ns, "QS-S-1", Grade.S, 0.975);
    touchStudy(ns);
    ModelDeployment canary = awaitStatus(ns, "serving", md -> md.getStatus().canary() != null);
    assertThat(canary.getStatus().canary().code()).isEqualTo("QS-S-1");
    assertThat(condition(canary, "Progressing").getReason()).isEqualTo("Canary");
    assertThat(canary.getStatus().slots().primary().code()).isEqualTo("QS-A-1");
    Deployment canaryDeployment =
        client.apps().deployments().inNamespace(ns).withName("serving-canary").get();
    assertThat(canaryDeployment.getSpec().getMinReadySeconds()).isEqualTo(60);
    assertThat(canaryDeployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(canaryDeployment.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry(ServingLabels.MODEL_URI_ANNOTATION, better);
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace(ns)
                .withName("serving")
                .get()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations())
        .containsEntry(ServingLabels.MODEL_CODE_ANNOTATION, "QS-A-1");
    awaitPods(ns, "QS-S-1", 1);
    assertThat(servingPods(ns, "QS-A-1")).isEqualTo(1);

    ModelDeployment promoted = awaitStatus(ns, "serving", md -> servedAndReady(md, "QS-S-1"));
    assertThat(promoted.getStatus().canary()).isNull();
    assertThat(promoted.getStatus().slots().backup().code()).isEqualTo("QS-A-1");
    assertThat(promoted.getStatus().history())
        .extracting(RolloutEvent::action, RolloutEvent::code, RolloutEvent::reason)
        .startsWith(tuple("Promoted", "QS-S-1", "canary QS-S-1 stayed ready for 1 min"));
    assertThat(promoted.getStatus().history())
        .extracting(RolloutEvent::action)
        .containsExactly("Promoted", "CanaryStarted", "Promoted");
    awaitGone(ns, "serving-canary");

    archive(ns, UNREADY, Grade.S, 0.99);
    touchStudy(ns);
    awaitStatus(
        ns,
        "serving",
        md -> md.getStatus().canary() != null && UNREADY.equals(md.getStatus().canary().code()));
    awaitRunningButNotReady(ns, UNREADY);
    ModelDeployment dropped =
        awaitStatus(ns, "serving", md -> hasCondition(md, "Progressing", "False", "CanaryFailed"));
    assertThat(condition(dropped, "Progressing").getMessage())
        .isEqualTo(
            "canary " + UNREADY + " did not stay ready for 1 min within 75s; QS-S-1 stays primary");
    assertThat(dropped.getStatus().canary()).isNull();
    assertThat(dropped.getStatus().failedModels()).containsExactly(UNREADY);
    assertThat(dropped.getStatus().slots().primary().code()).isEqualTo("QS-S-1");
    assertThat(dropped.getStatus().history())
        .noneMatch(e -> e.code().equals(UNREADY) && e.action().equals("Promoted"));
    assertThat(condition(dropped, "Ready").getStatus()).isEqualTo("True");
    assertThat(events(ns, "CanaryFailed"))
        .singleElement()
        .satisfies(e -> assertThat(e.getType()).isEqualTo("Warning"));
    awaitGone(ns, "serving-canary");
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace(ns)
                .withName("serving")
                .get()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations())
        .containsEntry(ServingLabels.MODEL_CODE_ANNOTATION, "QS-S-1");
  }

  // --- the archive and the study ---

  /** A namespace with the quickstart study (never reconciled here: only its spec is read). */
  private String studyNamespace(String prefix) throws IOException {
    String ns = cluster.createNamespace(prefix);
    TrainingStudy study =
        client
            .getKubernetesSerialization()
            .unmarshal(
                Files.readString(Path.of("..", "examples", "quickstart", "study.yaml")),
                TrainingStudy.class);
    study.getMetadata().setNamespace(ns);
    client.resource(study).create();
    return ns;
  }

  /** A finished trial's artifacts, archived by the real Archiver; returns the archive's URI. */
  private String archive(String ns, String code, Grade grade, double objective) {
    String trial = STUDY + "-" + (trials++);
    String prefix = ArchiveKeys.trial(ns, STUDY, trial);
    store.put(
        prefix + "model/model.params", ("weights of " + code).getBytes(StandardCharsets.UTF_8));
    store.put(prefix + "metadata.json", "{}".getBytes(StandardCharsets.UTF_8));
    return new Archiver(store)
        .archive(
            ns,
            STUDY,
            new ArchiveCandidate(trial, trials, code, grade, objective, Map.of("lr", "0.01")),
            Map.of("code", code, "grade", grade.name(), "objective", objective));
  }

  /** A change to the study, as the study reconciler's status write after archiving makes. */
  private void touchStudy(String ns) {
    client
        .resources(TrainingStudy.class)
        .inNamespace(ns)
        .withName(STUDY)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\"test.paddock.dev/touched\":\""
                + UUID.randomUUID()
                + "\"}}}");
  }

  private void create(String ns, String name, String specTail) {
    String yaml =
        "apiVersion: paddock.dev/v1alpha1\n"
            + "kind: ModelDeployment\n"
            + "metadata: {name: "
            + name
            + ", namespace: "
            + ns
            + "}\n"
            + "spec:\n"
            + "  source: {study: "
            + STUDY
            + "}\n"
            + "  "
            + specTail
            + "\n";
    client
        .resource(client.getKubernetesSerialization().unmarshal(yaml, ModelDeployment.class))
        .create();
  }

  // --- waiting and reading ---

  private ModelDeployment awaitStatus(String ns, String name, Predicate<ModelDeployment> done) {
    try {
      return client
          .resources(ModelDeployment.class)
          .inNamespace(ns)
          .withName(name)
          .waitUntilCondition(
              md -> md != null && md.getStatus() != null && done.test(md),
              WAIT_SECONDS,
              TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      ModelDeployment last =
          client.resources(ModelDeployment.class).inNamespace(ns).withName(name).get();
      throw new AssertionError(
          "ModelDeployment "
              + ns
              + "/"
              + name
              + " never reached the expected state; last status: "
              + (last == null ? null : client.getKubernetesSerialization().asYaml(last.getStatus()))
              + "; "
              + clusterState(ns),
          e);
    }
  }

  /** What the pods, nodes and Deployments looked like, and the components' logs, for a failure. */
  private String clusterState(String ns) {
    StringBuilder state = new StringBuilder();
    client.nodes().list().getItems().stream()
        .filter(n -> n.getMetadata().getName().startsWith("serving"))
        .forEach(
            n ->
                state
                    .append("node ")
                    .append(n.getMetadata().getName())
                    .append(' ')
                    .append(
                        n.getStatus().getConditions().stream()
                            .map(c -> c.getType() + "=" + c.getStatus())
                            .toList())
                    .append('\n'));
    client
        .pods()
        .inNamespace(ns)
        .list()
        .getItems()
        .forEach(
            p ->
                state
                    .append("pod ")
                    .append(p.getMetadata().getName())
                    .append(' ')
                    .append(p.getMetadata().getLabels().get(ServingLabels.MODEL_CODE))
                    .append(' ')
                    .append(p.getStatus().getPhase())
                    .append(' ')
                    .append(
                        p.getStatus().getConditions().stream()
                            .map(c -> c.getType() + "=" + c.getStatus() + "/" + c.getReason())
                            .toList())
                    .append('\n'));
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .list()
        .getItems()
        .forEach(
            d ->
                state
                    .append("deployment ")
                    .append(d.getMetadata().getName())
                    .append(' ')
                    .append(client.getKubernetesSerialization().asJson(d.getStatus()))
                    .append('\n'));
    try {
      Path kept = Files.createTempDirectory("mdep-it-logs-");
      try (var logs = Files.list(controllers.logDirectory())) {
        for (Path log : logs.filter(f -> f.toString().endsWith(".log")).toList()) {
          Files.copy(log, kept.resolve(log.getFileName()));
        }
      }
      state.append("components' logs kept in ").append(kept);
    } catch (IOException | RuntimeException copy) {
      state.append("components' logs not kept: ").append(copy);
    }
    return state.toString();
  }

  private static boolean primary(ModelDeployment md, String code) {
    return md.getStatus().slots() != null
        && md.getStatus().slots().primary() != null
        && code.equals(md.getStatus().slots().primary().code());
  }

  private static boolean servedAndReady(ModelDeployment md, String code) {
    return primary(md, code) && hasCondition(md, "Ready", "True", "Serving");
  }

  private static boolean hasCondition(
      ModelDeployment md, String type, String status, String reason) {
    Condition condition = condition(md, type);
    return condition != null
        && status.equals(condition.getStatus())
        && reason.equals(condition.getReason());
  }

  private static Condition condition(ModelDeployment md, String type) {
    return md.getStatus().conditions() == null
        ? null
        : md.getStatus().conditions().stream()
            .filter(c -> type.equals(c.getType()))
            .findFirst()
            .orElse(null);
  }

  private long servingPods(String ns, String code) {
    return client
        .pods()
        .inNamespace(ns)
        .withLabel(ServingLabels.MODEL_CODE, code)
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .count();
  }

  private void awaitPods(String ns, String code, int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (servingPods(ns, code) != count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected "
                + count
                + " pods serving "
                + code
                + " in "
                + ns
                + ", found "
                + servingPods(ns, code));
      }
      sleep(250);
    }
  }

  /** The candidate's pod runs (scheduled, started) and only its readiness fails. */
  private void awaitRunningButNotReady(String ns, String code) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (client
        .pods()
        .inNamespace(ns)
        .withLabel(ServingLabels.MODEL_CODE, code)
        .list()
        .getItems()
        .stream()
        .noneMatch(
            p ->
                "Running".equals(p.getStatus().getPhase())
                    && p.getStatus().getConditions().stream()
                        .anyMatch(
                            c -> "Ready".equals(c.getType()) && "False".equals(c.getStatus())))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no running, not ready pod serving " + code + " in " + ns);
      }
      sleep(250);
    }
  }

  private void awaitGone(String ns, String deployment) {
    client
        .apps()
        .deployments()
        .inNamespace(ns)
        .withName(deployment)
        .waitUntilCondition(Objects::isNull, WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private List<Event> events(String ns, String reason) {
    return client.events().v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> reason.equals(e.getReason()))
        .collect(Collectors.toList());
  }

  /** The Deployment runs `paddock-trainer serve` on the model, as the serving contract says. */
  private void assertServes(Deployment deployment, String code, String uri, ModelDeployment owner) {
    assertThat(deployment.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo(owner.getMetadata().getUid()));
    var template = deployment.getSpec().getTemplate();
    assertThat(template.getMetadata().getLabels())
        .containsEntry(ServingLabels.MODEL_DEPLOYMENT, owner.getMetadata().getName())
        .containsEntry(ServingLabels.MODEL_CODE, code);
    assertThat(template.getMetadata().getAnnotations())
        .containsEntry(ServingLabels.MODEL_CODE_ANNOTATION, code)
        .containsEntry(ServingLabels.MODEL_URI_ANNOTATION, uri);
    Container trainer = template.getSpec().getContainers().get(0);
    assertThat(trainer.getName()).isEqualTo("trainer");
    assertThat(trainer.getImage()).isEqualTo(IMAGE);
    assertThat(trainer.getArgs())
        .containsExactly("serve", "--model", uri, "--host", "$(POD_IP)", "--port", "8080");
    Map<String, EnvVar> env =
        trainer.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
    assertThat(env.get("POD_IP").getValueFrom().getFieldRef().getFieldPath())
        .isEqualTo("status.podIP");
    assertThat(env.get("PADDOCK_S3_ENDPOINT").getValue()).isEqualTo(minio.endpoint());
    assertThat(env.get("PADDOCK_S3_ACCESS_KEY").getValueFrom().getSecretKeyRef().getName())
        .isEqualTo(SECRET);
    assertThat(env.get("PADDOCK_S3_SECRET_KEY").getValueFrom().getSecretKeyRef().getKey())
        .isEqualTo("secretKey");
    assertThat(client.getKubernetesSerialization().asJson(deployment))
        .doesNotContain(minio.secretKey())
        .doesNotContain(minio.accessKey());
    assertThat(trainer.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(trainer.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(trainer.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(template.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(Objects.requireNonNull(deployment.getStatus()).getObservedGeneration()).isNotNull();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
