package dev.paddock.operator.k8s.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.StudyPhase;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.operator.k8s.ClusterSettings;
import dev.paddock.operator.k8s.PaddockOperator;
import dev.paddock.operator.k8s.TestOperatorSettings;
import dev.paddock.testsupport.ClusterControllers;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import dev.paddock.testsupport.KueueServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Studies under a real Kueue ({@link KueueServer}): its quota, not the nodes, decides how many
 * trials run at once. The kwok nodes have 16 GPUs; the ClusterQueue lends 4.
 */
@ExtendWith(KubeClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KueueQuotaIT {

  private static final String FLAVOR = "kueue-it-gpu";
  private static final String CLUSTER_QUEUE = "kueue-it-gpus";
  private static final String LOCAL_QUEUE = "team-gpus";

  private KubeCluster cluster;
  private ClusterControllers controllers;
  private KueueServer kueue;
  private PaddockOperator operator;

  @BeforeAll
  void start(KubeCluster cluster) {
    this.cluster = cluster;
    controllers =
        ClusterControllers.start(
            cluster, Path.of("src", "test", "resources", "kwok", "stages-kueue.yaml"));
    controllers.addNode("kueue-gpu-1", Map.of("nvidia.com/gpu", "8"));
    controllers.addNode("kueue-gpu-2", Map.of("nvidia.com/gpu", "8"));
    kueue = KueueServer.start(cluster);
    apply(
        """
        apiVersion: kueue.x-k8s.io/v1beta2
        kind: ResourceFlavor
        metadata: {name: %s}
        """
            .formatted(FLAVOR));
    apply(
        """
        apiVersion: kueue.x-k8s.io/v1beta2
        kind: ClusterQueue
        metadata: {name: %s}
        spec:
          namespaceSelector: {}
          resourceGroups:
          - coveredResources: [cpu, memory, nvidia.com/gpu]
            flavors:
            - name: %s
              resources:
              - {name: cpu, nominalQuota: "64"}
              - {name: memory, nominalQuota: 256Gi}
              - {name: nvidia.com/gpu, nominalQuota: "4"}
        """
            .formatted(CLUSTER_QUEUE, FLAVOR));
    operator =
        PaddockOperator.start(
            TestOperatorSettings.allNamespaces(
                new ClusterSettings(
                    "http://paddock:8080/v1/report",
                    "s3://paddock/",
                    "http://minio:9000",
                    "paddock-store",
                    null,
                    null)),
            cluster.client());
  }

  @AfterAll
  void stop() {
    if (operator != null) {
      operator.close();
    }
    if (kueue != null) {
      kueue.close();
    }
    controllers.close();
  }

  /**
   * Parallelism 20 on a queue of 4 GPUs: never more than 4 trial Jobs admitted at once (Kueue's
   * Workloads and the Jobs it unsuspends, both watched throughout), the others Pending with Kueue's
   * reason, none failed, and the study completes with all 20.
   */
  @Test
  void aQueueOfFourGpusRunsFourTrialsAtOnceAndTheStudyCompletes() throws IOException {
    // Kueue's own webhooks take part: the Job's (defaulting and validation) and its kinds'.
    assertThat(
            cluster
                .client()
                .admissionRegistration()
                .v1()
                .mutatingWebhookConfigurations()
                .withName("paddock-test-kueue-mutating")
                .get()
                .getWebhooks())
        .extracting(w -> w.getName() + " " + w.getClientConfig().getUrl())
        .anySatisfy(w -> assertThat(w).startsWith("mjob.kb.io https://127.0.0.1:"))
        .anySatisfy(w -> assertThat(w).startsWith("mclusterqueue.kb.io https://127.0.0.1:"));
    String namespace = cluster.createNamespace("kueue-quota");
    apply(
        """
        apiVersion: kueue.x-k8s.io/v1beta2
        kind: LocalQueue
        metadata: {name: %s, namespace: %s}
        spec: {clusterQueue: %s}
        """
            .formatted(LOCAL_QUEUE, namespace, CLUSTER_QUEUE));

    Set<String> runningJobs = ConcurrentHashMap.newKeySet();
    AtomicInteger maxRunningJobs = new AtomicInteger();
    Set<String> admittedWorkloads = ConcurrentHashMap.newKeySet();
    AtomicInteger maxAdmittedWorkloads = new AtomicInteger();
    Map<String, String> queuedTrials = new ConcurrentHashMap<>();
    Set<String> failedTrials = ConcurrentHashMap.newKeySet();
    AtomicInteger maxQueuedInStudy = new AtomicInteger();
    AtomicInteger maxAdmittedInStudy = new AtomicInteger();
    var client = cluster.client();
    Instant started = Instant.now();
    try (SharedIndexInformer<Job> jobs =
            client
                .batch()
                .v1()
                .jobs()
                .inNamespace(namespace)
                .inform(
                    handler(
                        job ->
                            track(
                                runningJobs,
                                maxRunningJobs,
                                job.getMetadata().getName(),
                                !Boolean.TRUE.equals(job.getSpec().getSuspend()) && !ended(job)),
                        job -> runningJobs.remove(job.getMetadata().getName())));
        SharedIndexInformer<GenericKubernetesResource> workloads =
            client
                .genericKubernetesResources("kueue.x-k8s.io/v1beta2", "Workload")
                .inNamespace(namespace)
                .inform(
                    handler(
                        w ->
                            track(
                                admittedWorkloads,
                                maxAdmittedWorkloads,
                                w.getMetadata().getName(),
                                condition(w, "QuotaReserved") && !condition(w, "Finished")),
                        w -> admittedWorkloads.remove(w.getMetadata().getName())));
        SharedIndexInformer<Trial> trials =
            client
                .resources(Trial.class)
                .inNamespace(namespace)
                .inform(
                    handler(
                        t -> {
                          if (t.getStatus() == null) {
                            return;
                          }
                          if (t.getStatus().phase() == TrialPhase.Pending
                              && "Queued".equals(t.getStatus().reason())) {
                            queuedTrials.put(t.getMetadata().getName(), t.getStatus().message());
                          }
                          if (t.getStatus().phase() == TrialPhase.Failed) {
                            failedTrials.add(t.getMetadata().getName());
                          }
                        },
                        t -> {}));
        SharedIndexInformer<TrainingStudy> studies =
            client
                .resources(TrainingStudy.class)
                .inNamespace(namespace)
                .inform(
                    handler(
                        s -> {
                          if (s.getStatus() != null && s.getStatus().trials() != null) {
                            var counts = s.getStatus().trials();
                            maxQueuedInStudy.accumulateAndGet(
                                counts.queued() == null ? 0 : counts.queued(), Math::max);
                            maxAdmittedInStudy.accumulateAndGet(
                                counts.admitted() == null ? 0 : counts.admitted(), Math::max);
                          }
                        },
                        s -> {}))) {
      QuickstartStudies.create(
          cluster,
          namespace,
          yaml ->
              yaml.replace(
                  QuickstartStudies.BUDGET,
                  "budget: {maxTrials: 20, parallelism: 20}\n"
                      + "  scheduling: {queueName: "
                      + LOCAL_QUEUE
                      + "}"));

      TrainingStudy done = awaitSucceeded(namespace);
      System.out.printf(
          "KueueQuotaIT: 20 trials through a 4-GPU queue in %d s (Kueue %s): at most %d Jobs"
              + " unsuspended and %d Workloads admitted at once; %d trials seen Queued, e.g. %s;"
              + " the study counted up to %d queued, %d admitted%n",
          Duration.between(started, Instant.now()).toSeconds(),
          kueue.version(),
          maxRunningJobs.get(),
          maxAdmittedWorkloads.get(),
          queuedTrials.size(),
          queuedTrials.values().stream().filter(m -> m.contains("nvidia")).findFirst().orElse("-"),
          maxQueuedInStudy.get(),
          maxAdmittedInStudy.get());

      assertThat(done.getStatus().trials().succeeded()).isEqualTo(20);
      assertThat(done.getStatus().trials().failed()).isZero();
      assertThat(failedTrials).isEmpty();
      assertThat(client.resources(Trial.class).inNamespace(namespace).list().getItems())
          .hasSize(20)
          .allSatisfy(t -> assertThat(t.getStatus().phase()).isEqualTo(TrialPhase.Succeeded));
      // The quota, used to the full and never exceeded: by Kueue's count and by the Jobs.
      assertThat(maxAdmittedWorkloads.get()).isEqualTo(4);
      assertThat(maxRunningJobs.get()).isEqualTo(4);
      // The trials the queue held said so, and the study counted them.
      assertThat(queuedTrials).isNotEmpty();
      assertThat(queuedTrials.values())
          .allSatisfy(
              message ->
                  assertThat(message)
                      .startsWith(
                          "waiting for Kueue to admit the trial's Job in ClusterQueue "
                              + CLUSTER_QUEUE))
          .anySatisfy(message -> assertThat(message).contains("nvidia.com/gpu"));
      assertThat(maxQueuedInStudy.get()).isPositive();
      // The study counts from its trials' statuses, written one by one: a trial that has just
      // ended may still count when the next has started, so this is not the quota's bound.
      assertThat(maxAdmittedInStudy.get()).isPositive();
    }
  }

  /**
   * A study whose LocalQueue does not exist is not a silent Pending: its trials say Kueue cannot
   * admit them, and the study says so in its QueueReady condition and a Warning event.
   */
  @Test
  void aStudyWhoseQueueDoesNotExistSaysSo() throws IOException {
    String namespace = cluster.createNamespace("kueue-missing");
    QuickstartStudies.create(
        cluster,
        namespace,
        yaml ->
            yaml.replace(
                QuickstartStudies.BUDGET,
                "budget: {maxTrials: 2, parallelism: 2}\n  scheduling: {queueName: no-such-queue}"));

    TrainingStudy stuck;
    try {
      stuck =
          cluster
              .client()
              .resources(TrainingStudy.class)
              .inNamespace(namespace)
              .withName("quickstart")
              .waitUntilCondition(
                  s ->
                      s != null
                          && s.getStatus() != null
                          && s.getStatus().conditions() != null
                          && s.getStatus().conditions().stream()
                              .anyMatch(
                                  c ->
                                      "QueueReady".equals(c.getType())
                                          && "False".equals(c.getStatus())),
                  120,
                  TimeUnit.SECONDS);
    } catch (io.fabric8.kubernetes.client.KubernetesClientTimeoutException e) {
      throw new AssertionError(describe(namespace), e);
    }

    assertThat(stuck.getStatus().conditions())
        .filteredOn(c -> "QueueReady".equals(c.getType()))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getReason()).isEqualTo("Inadmissible");
              assertThat(c.getMessage())
                  .isEqualTo(
                      "Kueue cannot admit the trials' Jobs from queue no-such-queue: Kueue cannot"
                          + " admit the trial's Job: LocalQueue no-such-queue doesn't exist");
            });
    assertThat(stuck.getStatus().phase()).isNotEqualTo(StudyPhase.Failed);
    assertThat(stuck.getStatus().trials().queued()).isPositive();
    assertThat(stuck.getStatus().trials().failed()).isZero();
    assertThat(cluster.client().events().v1().events().inNamespace(namespace).list().getItems())
        .anySatisfy(
            e -> {
              assertThat(e.getRegarding().getName()).isEqualTo("quickstart");
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getReason()).isEqualTo("Inadmissible");
              assertThat(e.getNote()).contains("LocalQueue no-such-queue doesn't exist");
            });
    assertThat(cluster.client().resources(Trial.class).inNamespace(namespace).list().getItems())
        .isNotEmpty()
        .allSatisfy(
            t ->
                assertThat(t.getStatus() == null ? null : t.getStatus().phase())
                    .isNotEqualTo(TrialPhase.Failed))
        .anySatisfy(
            t -> {
              assertThat(t.getStatus().phase()).isEqualTo(TrialPhase.Pending);
              assertThat(t.getStatus().reason()).isEqualTo("Inadmissible");
            });
  }

  private static void track(Set<String> live, AtomicInteger max, String name, boolean counts) {
    if (counts) {
      live.add(name);
      max.accumulateAndGet(live.size(), Math::max);
    } else {
      live.remove(name);
    }
  }

  private static boolean ended(Job job) {
    return job.getStatus() != null
        && job.getStatus().getConditions() != null
        && job.getStatus().getConditions().stream()
            .anyMatch(
                c ->
                    ("Complete".equals(c.getType()) || "Failed".equals(c.getType()))
                        && "True".equals(c.getStatus()));
  }

  @SuppressWarnings("unchecked")
  private static boolean condition(GenericKubernetesResource resource, String type) {
    Object status = resource.getAdditionalProperties().get("status");
    if (!(status instanceof Map<?, ?> map) || !(map.get("conditions") instanceof List<?> list)) {
      return false;
    }
    return list.stream()
        .map(c -> (Map<String, Object>) c)
        .anyMatch(c -> type.equals(c.get("type")) && "True".equals(c.get("status")));
  }

  private static <T> ResourceEventHandler<T> handler(Consumer<T> seen, Consumer<T> gone) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        seen.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        seen.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        gone.accept(obj);
      }
    };
  }

  private TrainingStudy awaitSucceeded(String namespace) {
    try {
      return cluster
          .client()
          .resources(TrainingStudy.class)
          .inNamespace(namespace)
          .withName("quickstart")
          .waitUntilCondition(
              s ->
                  s != null
                      && s.getStatus() != null
                      && s.getStatus().phase() == StudyPhase.Succeeded,
              300,
              TimeUnit.SECONDS);
    } catch (io.fabric8.kubernetes.client.KubernetesClientTimeoutException e) {
      throw new AssertionError(describe(namespace), e);
    }
  }

  /** The study's trials and Kueue's log's tail, for a failing wait's message. */
  private String describe(String namespace) {
    StringBuilder text = new StringBuilder();
    var serialization = cluster.client().getKubernetesSerialization();
    cluster
        .client()
        .resources(Trial.class)
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
    try {
      List<String> log = Files.readAllLines(kueue.log());
      text.append("kueue log:\n")
          .append(String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size())));
    } catch (IOException e) {
      text.append("no Kueue log: ").append(e);
    }
    return text.toString();
  }

  private void apply(String yaml) {
    cluster.client().resource(yaml).forceConflicts().serverSideApply();
  }
}
