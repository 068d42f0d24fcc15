package dev.paddock.operator.k8s.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.Grade;
import dev.paddock.api.v1alpha1.StudyPhase;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.operator.k8s.ClusterSettings;
import dev.paddock.operator.k8s.Labels;
import dev.paddock.operator.k8s.PaddockOperator;
import dev.paddock.operator.k8s.TestOperatorSettings;
import dev.paddock.operator.k8s.trial.TrialReconciler;
import dev.paddock.testsupport.ClusterControllers;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How studies end on a real control plane whose kwok nodes give each trial an objective that is a
 * function of its parameters ({@code val_f1 = 1 - 4 lr}, kwok/stages-outcomes.yaml), fail pods
 * labelled to fail as the trainer fails on bad data, and kill pods that are preempted or evicted as
 * a kubelet would.
 */
@ExtendWith(KubeClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudyLifecycleIT {

  private static final String QUICKSTART_BUDGET = QuickstartStudies.BUDGET;
  private static final String HOSTNAME = "kubernetes.io/hostname";

  private KubeCluster cluster;
  private ClusterControllers controllers;
  private PaddockOperator operator;

  @BeforeAll
  void start(KubeCluster cluster) {
    this.cluster = cluster;
    controllers =
        ClusterControllers.start(
            cluster, Path.of("src", "test", "resources", "kwok", "stages-outcomes.yaml"));
    controllers.addNode("life-gpu-1", Map.of("nvidia.com/gpu", "4"));
    controllers.addNode("life-gpu-2", Map.of("nvidia.com/gpu", "4"));
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
    operator.close();
    controllers.close();
  }

  @Test
  void aTwentyTrialStudyRunsToTheEndAndNamesTheTrueBestTrial() throws IOException {
    String namespace = cluster.createNamespace("study-twenty");
    createStudy(
        namespace,
        yaml -> yaml.replace(QUICKSTART_BUDGET, "budget: {maxTrials: 20, parallelism: 5}"));

    TrainingStudy done = awaitPhase(namespace, StudyPhase.Succeeded);

    List<Trial> trials = trials(namespace);
    assertThat(trials).hasSize(20);
    assertThat(trials)
        .allSatisfy(
            t -> {
              assertThat(t.getStatus().phase()).isEqualTo(TrialPhase.Succeeded);
              assertThat(t.getStatus().objective())
                  .isCloseTo(expectedF1(t), org.assertj.core.data.Offset.offset(1e-9));
              assertThat(t.getStatus().grade()).isEqualTo(expectedGrade(expectedF1(t)));
            });
    assertThat(trials).extracting(t -> t.getStatus().code()).doesNotHaveDuplicates();
    Trial best =
        trials.stream().max(Comparator.comparingDouble(StudyLifecycleIT::expectedF1)).get();
    assertThat(done.getStatus().best().trial()).isEqualTo(best.getMetadata().getName());
    assertThat(done.getStatus().best().objective()).isEqualTo(best.getStatus().objective());
    assertThat(done.getStatus().best().code()).isEqualTo(best.getStatus().code());
    assertThat(done.getStatus().trials().succeeded()).isEqualTo(20);
    assertThat(done.getStatus().trials().created()).isEqualTo(20);
  }

  @Test
  void tooManyFailedTrialsFailTheStudyWithTheReason() throws IOException {
    String namespace = cluster.createNamespace("study-failing");
    createStudy(
        namespace,
        yaml ->
            yaml.replace(
                    QUICKSTART_BUDGET,
                    "budget: {maxTrials: 10, parallelism: 1, maxFailedTrials: 2}")
                .replace(
                    "    template:\n      spec:",
                    "    template:\n"
                        + "      metadata: {labels: {paddock.test/outcome: fail}}\n"
                        + "      spec:"));

    TrainingStudy failed = awaitPhase(namespace, StudyPhase.Failed);

    // "more than maxFailedTrials": the third failure ends it, and no fourth trial starts.
    assertThat(failed.getStatus().trials().failed()).isEqualTo(3);
    assertThat(trials(namespace))
        .hasSize(3)
        .allSatisfy(
            t -> {
              assertThat(t.getStatus().phase()).isEqualTo(TrialPhase.Failed);
              assertThat(t.getStatus().message()).contains("label column 'churned' not found");
            });
    assertThat(failed.getStatus().conditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("Failed");
              assertThat(c.getStatus()).isEqualTo("True");
              assertThat(c.getReason()).isEqualTo("TooManyFailedTrials");
              assertThat(c.getMessage()).isEqualTo("3 trials failed, more than maxFailedTrials 2");
            });
    assertThat(cluster.client().events().v1().events().inNamespace(namespace).list().getItems())
        .anySatisfy(
            e -> {
              assertThat(e.getReason()).isEqualTo("TooManyFailedTrials");
              assertThat(e.getType()).isEqualTo("Warning");
            });
  }

  /**
   * The real scheduler preempts a running trial pod for a higher-priority pod; the Job's pod
   * failure policy ignores the disruption, so the trial (maxRetries 0) is retried and succeeds.
   */
  @Test
  void aPreemptedTrialIsRetriedWithoutCountingAsAFailure() throws Exception {
    String namespace = cluster.createNamespace("study-preempt");
    createPriorityClass();
    controllers.addNode("hold-1", Map.of("nvidia.com/gpu", "1"));
    createOneTrialStudy(namespace, "hold-1", "done-1");
    Pod victim = awaitRunningPod(namespace);
    assertThat(victim.getSpec().getNodeName()).isEqualTo("hold-1");
    // mid-run: the trial has recorded that its pod runs
    QuickstartStudies.awaitFirstTrial(
        cluster,
        namespace,
        t -> t.getStatus() != null && t.getStatus().phase() == TrialPhase.Running);

    cluster.client().pods().inNamespace(namespace).resource(preemptor("hold-1")).create();
    awaitPreemption(namespace, victim);
    // While its retry waits for a node the trial says it was preempted. (The node comes only
    // then: kwok deletes a preempted pod at once and runs the retry in a second, faster than a
    // loaded operator may look, and a disruption the operator never sees is not counted.)
    try {
      QuickstartStudies.awaitFirstTrial(
          cluster,
          namespace,
          t -> t.getStatus() != null && t.getStatus().phase() == TrialPhase.Preempted);
    } catch (RuntimeException e) {
      throw new AssertionError("the trial never said Preempted; " + jobAndPods(namespace), e);
    }
    controllers.addNode("done-1", Map.of("nvidia.com/gpu", "1"));

    Trial trial = awaitSucceededWithoutFailure(namespace, "done-1");
    assertThat(trial.getStatus().attempts()).isEqualTo(2);
  }

  /**
   * A trial's pod preempted before it ever started (its node, stall-1, never starts pods, as a
   * kubelet still pulling the image would not): the trial waits as Pending and says so, the Job's
   * pod failure policy ignores the disruption of a pod that never ran as it does a running one, and
   * the trial (maxRetries 0) runs on another node and succeeds.
   */
  @Test
  void aTrialPreemptedBeforeItsPodStartsIsRetriedWithoutCountingAsAFailure() throws Exception {
    String namespace = cluster.createNamespace("study-preempt-early");
    createPriorityClass();
    controllers.addNode("stall-1", Map.of("nvidia.com/gpu", "1"));
    createOneTrialStudy(namespace, "stall-1", "done-2");
    Trial waiting =
        QuickstartStudies.awaitFirstTrial(
            cluster,
            namespace,
            t ->
                t.getStatus() != null
                    && t.getStatus().phase() == TrialPhase.Pending
                    && "waiting for the trial's pod to start".equals(t.getStatus().message()));
    assertThat(waiting.getStatus().startTime()).isNull();
    Pod victim = onlyPod(namespace);
    assertThat(victim.getSpec().getNodeName()).isEqualTo("stall-1");
    assertThat(victim.getStatus().getPhase()).isEqualTo("Pending");

    cluster.client().pods().inNamespace(namespace).resource(preemptor("stall-1")).create();
    awaitPreemption(namespace, victim);
    controllers.addNode("done-2", Map.of("nvidia.com/gpu", "1"));

    Trial trial = awaitSucceededWithoutFailure(namespace, "done-2");
    assertThat(trial.getStatus().startTime()).isNotNull();
  }

  /**
   * A trial that waits for a GPU (no node has one free until late-1 joins) does not count the wait
   * as GPU time: its GPU seconds run from its pod's binding to a node to its Job's end, and so does
   * what its study has used of maxGpuHours.
   */
  @Test
  void aTrialsGpuSecondsLeaveOutItsWaitForANode() throws Exception {
    String namespace = cluster.createNamespace("study-gpu-time");
    createOneTrialStudy(namespace, "late-1");
    QuickstartStudies.awaitFirstTrial(
        cluster,
        namespace,
        t -> t.getStatus() != null && "Unschedulable".equals(t.getStatus().reason()));
    controllers.addNode("late-1", Map.of("nvidia.com/gpu", "1"));

    TrainingStudy done = awaitPhase(namespace, StudyPhase.Succeeded);
    Job job =
        cluster.client().batch().v1().jobs().inNamespace(namespace).withName("quickstart-0").get();
    Instant bound =
        onlyPod(namespace).getStatus().getConditions().stream()
            .filter(c -> "PodScheduled".equals(c.getType()) && "True".equals(c.getStatus()))
            .map(c -> Instant.parse(c.getLastTransitionTime()))
            .findFirst()
            .orElseThrow();
    // The trial says Unschedulable once its Job is PENDING_GRACE old (TrialReconciler measures
    // from the Job's creation; its startTime can come seconds later on a loaded machine), and the
    // node was added only then: the pod waited at least that long before it was bound.
    Instant jobCreated = Instant.parse(job.getMetadata().getCreationTimestamp());
    Instant jobEnd = Instant.parse(job.getStatus().getCompletionTime());
    assertThat(Duration.between(jobCreated, bound))
        .isGreaterThanOrEqualTo(TrialReconciler.PENDING_GRACE);
    long held = Duration.between(bound, jobEnd).toSeconds();
    assertThat(trials(namespace).get(0).getStatus().gpuSeconds()).isEqualTo(held);
    assertThat(done.getStatus().gpuSeconds()).isEqualTo(held);
  }

  /**
   * A study scheduled every minute runs again as run 2 once run 1 has ended: the same trials afresh
   * (same seed), named by run, with run 1's trials kept beside them.
   */
  @Test
  void aScheduledStudyRunsAgainAsANewRun() throws IOException {
    String namespace = cluster.createNamespace("study-cron");
    createStudy(
        namespace,
        yaml ->
            yaml.replace(QUICKSTART_BUDGET, "budget: {maxTrials: 2, parallelism: 2}")
                .replace("  deploy:", "  schedule: \"* * * * *\"\n  deploy:"));
    TrainingStudy first = awaitPhase(namespace, StudyPhase.Succeeded);
    assertThat(first.getStatus().generation()).isEqualTo(1);
    assertThat(first.getStatus().nextScheduleTime()).isNotNull();

    TrainingStudy second =
        cluster
            .client()
            .resources(TrainingStudy.class)
            .inNamespace(namespace)
            .withName("quickstart")
            .waitUntilCondition(
                s ->
                    s.getStatus() != null
                        && s.getStatus().generation() == 2
                        && s.getStatus().phase() == StudyPhase.Succeeded,
                240,
                TimeUnit.SECONDS);
    suspend(namespace);

    Instant tick = Instant.parse(second.getStatus().lastScheduleTime());
    assertThat(tick).isEqualTo(Instant.parse(first.getStatus().nextScheduleTime()));
    assertThat(tick.getEpochSecond() % 60).isZero();
    assertThat(tick).isAfter(Instant.parse(first.getStatus().completionTime()));
    assertThat(second.getStatus().trials().created()).isEqualTo(2);
    Map<String, Trial> byName = new java.util.TreeMap<>();
    trials(namespace).forEach(t -> byName.put(t.getMetadata().getName(), t));
    assertThat(byName)
        .containsKeys("quickstart-0", "quickstart-1", "quickstart-g2-0", "quickstart-g2-1");
    assertThat(byName.get("quickstart-g2-0").getMetadata().getLabels())
        .containsEntry(Labels.GENERATION, "2");
    assertThat(byName.get("quickstart-g2-1").getSpec().parameters())
        .isEqualTo(byName.get("quickstart-1").getSpec().parameters());
    assertThat(byName.get("quickstart-g2-0").getStatus().phase()).isEqualTo(TrialPhase.Succeeded);
    assertThat(cluster.client().events().v1().events().inNamespace(namespace).list().getItems())
        .anySatisfy(
            e -> {
              assertThat(e.getReason()).isEqualTo("RunStarted");
              assertThat(e.getNote()).startsWith("run 2 started by schedule '* * * * *'");
            });
  }

  private void suspend(String namespace) {
    cluster
        .client()
        .resources(TrainingStudy.class)
        .inNamespace(namespace)
        .withName("quickstart")
        .patch(
            io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
            "{\"spec\":{\"suspend\":true}}");
  }

  private static String onlyOn(String... nodes) {
    return "        affinity:\n"
        + "          nodeAffinity:\n"
        + "            requiredDuringSchedulingIgnoredDuringExecution:\n"
        + "              nodeSelectorTerms:\n"
        + "                - matchExpressions:\n"
        + "                    - {key: "
        + HOSTNAME
        + ", operator: In, values: ["
        + String.join(", ", nodes)
        + "]}\n";
  }

  private void createPriorityClass() {
    cluster
        .client()
        .scheduling()
        .v1()
        .priorityClasses()
        .resource(
            new PriorityClassBuilder()
                .withNewMetadata()
                .withName("paddock-it-urgent")
                .endMetadata()
                .withValue(1_000_000)
                .build())
        .createOr(existing -> existing.update());
  }

  /** An urgent pod that needs {@code node}'s only GPU. */
  private static Pod preemptor(String node) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("urgent")
        .endMetadata()
        .withNewSpec()
        .withPriorityClassName("paddock-it-urgent")
        .withNodeSelector(Map.of(HOSTNAME, node))
        .addNewContainer()
        .withName("urgent")
        .withImage("busybox")
        .withNewResources()
        .withLimits(Map.of("nvidia.com/gpu", new Quantity("1")))
        .endResources()
        .endContainer()
        .endSpec()
        .build();
  }

  private Pod awaitRunningPod(String namespace) throws Exception {
    cluster
        .client()
        .pods()
        .inNamespace(namespace)
        .withLabel(Labels.TRIAL, "quickstart-0")
        .informOnCondition(
            pods ->
                pods.stream()
                    .anyMatch(
                        p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase())))
        .get(120, TimeUnit.SECONDS);
    return cluster
        .client()
        .pods()
        .inNamespace(namespace)
        .withLabel(Labels.TRIAL)
        .list()
        .getItems()
        .stream()
        .filter(p -> "Running".equals(p.getStatus().getPhase()))
        .findFirst()
        .orElseThrow();
  }

  /** A study of one trial, retried on no failure (maxRetries 0), whose pod goes only on nodes. */
  private void createOneTrialStudy(String namespace, String... nodes) throws IOException {
    createStudy(
        namespace,
        yaml ->
            yaml.replace(QUICKSTART_BUDGET, "budget: {maxTrials: 1, parallelism: 1}")
                .replace("maxRetries: 1", "maxRetries: 0")
                .replace(
                    "    template:\n      spec:\n",
                    "    template:\n      spec:\n" + onlyOn(nodes)));
  }

  /**
   * The study's one trial succeeded with its last pod on {@code node}, and nothing counted as a
   * failure, by the study or by the trial's Job.
   */
  private Trial awaitSucceededWithoutFailure(String namespace, String node) {
    TrainingStudy done = awaitPhase(namespace, StudyPhase.Succeeded);
    assertThat(done.getStatus().trials().succeeded()).isEqualTo(1);
    assertThat(done.getStatus().trials().failed()).isZero();
    Trial trial = trials(namespace).get(0);
    assertThat(trial.getStatus().phase()).isEqualTo(TrialPhase.Succeeded);
    Job job =
        cluster.client().batch().v1().jobs().inNamespace(namespace).withName("quickstart-0").get();
    assertThat(job.getStatus().getFailed()).isIn(null, 0);
    assertThat(onlyPod(namespace).getSpec().getNodeName()).isEqualTo(node);
    return trial;
  }

  /** The trial's one pod (the Job's, not the preemptor). */
  private Pod onlyPod(String namespace) {
    List<Pod> pods =
        cluster.client().pods().inNamespace(namespace).withLabel(Labels.TRIAL).list().getItems();
    assertThat(pods).hasSize(1);
    return pods.get(0);
  }

  /** The victim is gone and the scheduler recorded why. */
  /** The trial, its Job's status and its pods, for a failure message. */
  private String jobAndPods(String namespace) {
    var client = cluster.client();
    return "trial: "
        + trials(namespace).get(0).getStatus()
        + "\njob: "
        + client
            .batch()
            .v1()
            .jobs()
            .inNamespace(namespace)
            .withName("quickstart-0")
            .get()
            .getStatus()
        + "\npods: "
        + client.pods().inNamespace(namespace).list().getItems().stream()
            .map(p -> p.getMetadata().getName() + " " + p.getStatus())
            .toList();
  }

  private void awaitPreemption(String namespace, Pod victim) {
    cluster
        .client()
        .pods()
        .inNamespace(namespace)
        .withName(victim.getMetadata().getName())
        .waitUntilCondition(java.util.Objects::isNull, 120, TimeUnit.SECONDS);
    assertThat(cluster.client().v1().events().inNamespace(namespace).list().getItems())
        .anySatisfy(
            e -> {
              assertThat(e.getReason()).isEqualTo("Preempted");
              assertThat(e.getInvolvedObject().getName()).isEqualTo(victim.getMetadata().getName());
            });
  }

  /** val_f1 as the kwok stage computes it from the trial's parameters. */
  private static double expectedF1(Trial trial) {
    return 1.0 - 4.0 * Double.parseDouble(trial.getSpec().parameters().get("lr"));
  }

  /** The quickstart's thresholds: S 0.97, A 0.95, B 0.92, C 0.88, D 0.80, else F. */
  private static Grade expectedGrade(double f1) {
    if (f1 >= 0.97) {
      return Grade.S;
    } else if (f1 >= 0.95) {
      return Grade.A;
    } else if (f1 >= 0.92) {
      return Grade.B;
    } else if (f1 >= 0.88) {
      return Grade.C;
    } else if (f1 >= 0.80) {
      return Grade.D;
    }
    return Grade.F;
  }

  private List<Trial> trials(String namespace) {
    return cluster.client().resources(Trial.class).inNamespace(namespace).list().getItems();
  }

  private void createStudy(String namespace, UnaryOperator<String> edit) throws IOException {
    QuickstartStudies.create(cluster, namespace, edit);
  }

  private TrainingStudy awaitPhase(String namespace, StudyPhase phase) {
    return QuickstartStudies.awaitPhase(cluster, namespace, phase);
  }
}
