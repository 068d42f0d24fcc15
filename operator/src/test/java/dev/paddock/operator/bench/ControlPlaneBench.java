package dev.paddock.operator.bench;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialSpec;
import dev.paddock.operator.k8s.ClusterSettings;
import dev.paddock.operator.k8s.trial.TrialJobs;
import dev.paddock.testsupport.ClusterControllers;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.TestComponents;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * bench/control-plane: Paddock's throughput on a real control plane (kube-apiserver with an audit
 * log, etcd, kube-scheduler, kube-controller-manager, kwok GPU nodes whose pods complete after a
 * delay) against the ceiling of plain Jobs on the same cluster; see bench/control-plane/README.md.
 * Not a test: {@code bench/control-plane/run.sh} runs it.
 */
public final class ControlPlaneBench {

  static final String OPERATOR_AGENT = "paddock-operator/";
  private static final String BENCH_AGENT = "paddock-bench/0.1.0";

  /** The machine's cores, read before {@code --split-cores} pins this JVM to some of them. */
  static final int CORES = Runtime.getRuntime().availableProcessors();

  private final BenchOptions options;
  private final Path workDir;
  private final Path auditLog;
  private final List<String> lines = new ArrayList<>();

  private ControlPlaneBench(BenchOptions options, Path workDir) {
    this.options = options;
    this.workDir = workDir;
    this.auditLog = workDir.resolve("audit.log");
  }

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    Path workDir = Files.createTempDirectory("paddock-bench-");
    try {
      new ControlPlaneBench(options, workDir).run();
    } finally {
      if (options.keep()) {
        System.err.println("kept logs in " + workDir);
      } else {
        TestComponents.deleteRecursively(workDir);
      }
    }
    System.exit(0);
  }

  private void run() throws Exception {
    Path root = TestComponents.repositoryRoot();
    Path policy = Files.writeString(workDir.resolve("audit-policy.yaml"), AUDIT_POLICY);
    log("starting kube-apiserver (audit log: writes at level Metadata) and etcd");
    try (KubeCluster cluster =
            KubeCluster.start(
                root.resolve("crds").resolve("manifests"),
                List.of(
                    "--audit-policy-file=" + policy,
                    "--audit-log-path=" + auditLog,
                    "--audit-log-mode=batch",
                    // never rotated while the benchmark reads it by offset (0 would mean the log
                    // library's default, 100 MB, which a full run with warm-ups passes)
                    "--audit-log-maxsize=100000"));
        ClusterControllers controllers =
            ClusterControllers.start(
                cluster, controllerOptions(), stages(root, options.podMillis()));
        KubernetesClient client = benchClient(cluster.kubeconfig())) {
      log("adding " + options.nodes() + " kwok nodes with " + options.gpusPerNode() + " GPUs");
      for (int n = 0; n < options.nodes(); n++) {
        controllers.addNode(
            "gpu-" + n, Map.of("nvidia.com/gpu", String.valueOf(options.gpusPerNode())));
      }
      if (options.splitCores()) {
        CoreSplit split = CoreSplit.of(CORES);
        split.apply();
        log(split.describe());
      }
      Path kubeconfig = Files.writeString(workDir.resolve("kubeconfig"), cluster.kubeconfig());
      new Scenarios(options, cluster, client, kubeconfig, auditLog, workDir).runAll(this::log);
    }
  }

  private ClusterControllers.Options controllerOptions() {
    String qps = String.valueOf(options.controllerQps());
    String burst = String.valueOf(options.controllerQps() * 2);
    return new ClusterControllers.Options(
        // kwok gives every pod an address and keeps it until the pod is deleted
        "10.128.0.1/12",
        List.of("--kube-api-qps=" + qps, "--kube-api-burst=" + burst),
        List.of(
            "--kube-api-qps=" + qps,
            "--kube-api-burst=" + burst,
            "--concurrent-job-syncs=" + options.jobSyncs()));
  }

  /**
   * The test Stages, with the trial pod's completion delayed to make it run for a while: kwok draws
   * the delay uniformly between the duration and the jitter duration (a jitter below the duration
   * would replace it), here podMillis to 1.2 x podMillis.
   */
  static Path stages(Path root, long podMillis) throws IOException {
    String stages = Files.readString(root.resolve("operator/src/test/resources/kwok/stages.yaml"));
    String anchor = "  name: pod-complete-with-summary\nspec:\n";
    if (!stages.contains(anchor)) {
      throw new IllegalStateException("no pod-complete-with-summary Stage in the test stages");
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
    Path file = Files.createTempFile("paddock-bench-stages-", ".yaml");
    file.toFile().deleteOnExit();
    return Files.writeString(file, delayed);
  }

  private static KubernetesClient benchClient(String kubeconfig) {
    Config config = Config.fromKubeconfig(kubeconfig);
    config.setUserAgent(BENCH_AGENT);
    config.setMaxConcurrentRequests(64);
    config.setMaxConcurrentRequestsPerHost(64);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** A study of random search over one parameter, each trial asking for one GPU. */
  static TrainingStudy study(String name, String namespace, int trials, int parallelism) {
    String yaml = String.format(Locale.ROOT, STUDY, name, namespace, trials, parallelism);
    return new io.fabric8.kubernetes.client.utils.KubernetesSerialization()
        .unmarshal(yaml, TrainingStudy.class);
  }

  /**
   * The ceiling's Job number i: what the operator renders for a trial of the given study (same pod
   * template, environment, failure policy and labels), without an owner.
   */
  static Job ceilingJob(TrainingStudy study, int index) {
    Trial trial = new Trial();
    trial.setMetadata(
        new ObjectMetaBuilder()
            .withName("ceiling-" + index)
            .withNamespace(study.getMetadata().getNamespace())
            .withUid(UUID.randomUUID().toString())
            .build());
    trial.setSpec(new TrialSpec(study.getMetadata().getName(), index, 3, Map.of("lr", "0.01")));
    Job job =
        TrialJobs.render(
            study,
            trial,
            new ClusterSettings(
                "http://paddock:8080/v1/report", "s3://paddock", null, null, null, null),
            "token");
    job.getMetadata().setOwnerReferences(null);
    return job;
  }

  static List<TrainingStudy> studies(String namespace, int count, int trials, int parallelism) {
    return IntStream.range(0, count)
        .mapToObj(i -> study("bench-" + i, namespace, trials, parallelism))
        .toList();
  }

  private void log(String line) {
    System.err.printf(Locale.ROOT, "[bench %tT] %s%n", System.currentTimeMillis(), line);
    lines.add(line);
  }

  static Duration timeout(BenchOptions options) {
    return Duration.ofMinutes(options.timeoutMinutes());
  }

  private static final String AUDIT_POLICY =
      """
      apiVersion: audit.k8s.io/v1
      kind: Policy
      omitStages: [RequestReceived]
      rules:
      - level: Metadata
        verbs: [create, update, patch, delete, deletecollection]
      - level: None
      """;

  private static final String STUDY =
      """
      apiVersion: paddock.dev/v1alpha1
      kind: TrainingStudy
      metadata: {name: %s, namespace: %s}
      spec:
        objective: {metric: val_f1, direction: maximize}
        metrics: [val_loss]
        search:
          algorithm: random
          seed: 7
          parameters:
            - {name: lr, float: {min: 1.0e-4, max: 1.0e-1, log: true}}
            - {name: batch_size, int: {min: 32, max: 256, step: 32}}
        budget: {maxTrials: %d, parallelism: %d}
        trial:
          epochs: 3
          template:
            spec:
              containers:
                - name: trainer
                  image: paddock/trainer:0.1.0
                  args: [train, --data, "synthetic:moons", --label, label]
                  resources: {limits: {nvidia.com/gpu: 1}}
      """;
}
