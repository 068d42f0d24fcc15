package dev.paddock.testsupport;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rest of a control plane beside {@link KubeCluster}'s API server: kube-scheduler,
 * kube-controller-manager (Jobs, garbage collection, Deployments, node lifecycle, which lifts the
 * not-ready taint) and kwok, which plays the kubelet of fake nodes (pods on them become Running,
 * and pods of Jobs complete). Enough for pods to be scheduled onto GPU nodes and Jobs to finish,
 * without containers or a container runtime.
 */
public final class ClusterControllers implements AutoCloseable {

  /** The annotation that tells kwok a node is its to manage. */
  public static final String KWOK_NODE_ANNOTATION = "kwok.x-k8s.io/node";

  private static final List<String> CONTROLLERS =
      List.of(
          "job",
          "garbagecollector",
          "podgc",
          "nodelifecycle",
          "namespace",
          "ttl-after-finished",
          "deployment",
          "replicaset",
          "endpointslice",
          // counts what ResourceQuotas cover: the API server refuses objects under a quota it has
          // not counted yet, and enforces none without it
          "resourcequota");

  private final KubeCluster cluster;
  private final Path workDir;
  private final List<Process> processes = new ArrayList<>();
  private final List<String> nodes = new ArrayList<>();

  private ClusterControllers(KubeCluster cluster, Path workDir) {
    this.cluster = cluster;
    this.workDir = workDir;
  }

  /**
   * What a larger cluster needs beyond the defaults: a pod CIDR with room for every pod kwok runs,
   * and extra flags (e.g. client QPS, sync concurrency) for the scheduler and the controller
   * manager, appended after the defaults so that they win.
   */
  public record Options(
      String podCidr, List<String> schedulerFlags, List<String> controllerManagerFlags) {

    /** A /24 of pod addresses (enough for tests) and no extra flags. */
    public static final Options DEFAULT = new Options("10.0.0.1/24", List.of(), List.of());
  }

  /**
   * Starts the scheduler, the controller manager and kwok against the cluster.
   *
   * @param kwokConfigs kwok configuration files (e.g. Stages that complete pods with a termination
   *     message); none: kwok's default stages
   */
  public static ClusterControllers start(KubeCluster cluster, Path... kwokConfigs) {
    return start(cluster, Options.DEFAULT, kwokConfigs);
  }

  /** As {@link #start(KubeCluster, Path...)}, with the given options. */
  public static ClusterControllers start(
      KubeCluster cluster, Options options, Path... kwokConfigs) {
    try {
      Path workDir = Files.createTempDirectory("paddock-controllers-");
      Path kubeconfig = Files.writeString(workDir.resolve("kubeconfig.yaml"), cluster.kubeconfig());
      ClusterControllers controllers = new ClusterControllers(cluster, workDir);
      List<String> scheduler = new ArrayList<>();
      scheduler.addAll(
          List.of(
              "--kubeconfig=" + kubeconfig, "--leader-elect=false", "--secure-port=0", "--v=2"));
      scheduler.addAll(options.schedulerFlags());
      controllers.launch(
          "kube-scheduler",
          TestComponents.k8sBinary("kube-scheduler"),
          scheduler.toArray(String[]::new));
      List<String> controllerManager = new ArrayList<>();
      controllerManager.addAll(
          List.of(
              "--kubeconfig=" + kubeconfig,
              "--leader-elect=false",
              "--secure-port=0",
              "--controllers=" + String.join(",", CONTROLLERS),
              "--concurrent-job-syncs=10"));
      controllerManager.addAll(options.controllerManagerFlags());
      controllers.launch(
          "kube-controller-manager",
          TestComponents.k8sBinary("kube-controller-manager"),
          controllerManager.toArray(String[]::new));
      controllers.launch(
          "kwok",
          TestComponents.binary("kwok"),
          kwokArguments(kubeconfig, options.podCidr(), kwokConfigs));
      return controllers;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] kwokArguments(Path kubeconfig, String podCidr, Path... configs) {
    List<String> args = new ArrayList<>();
    args.add("--kubeconfig=" + kubeconfig);
    args.add("--manage-all-nodes=false");
    args.add("--manage-nodes-with-annotation-selector=" + KWOK_NODE_ANNOTATION + "=fake");
    args.add("--cidr=" + podCidr);
    args.add("--node-ip=10.0.0.1");
    for (Path config : configs) {
      args.add("--config=" + config.toAbsolutePath());
    }
    return args.toArray(String[]::new);
  }

  /**
   * Registers a fake node managed by kwok, with the given extended resources (e.g. {@code
   * nvidia.com/gpu: 8}) besides 32 CPUs, 256 GiB and 110 pods.
   */
  public void addNode(String name, Map<String, String> extendedResources) {
    Map<String, Quantity> capacity = new java.util.LinkedHashMap<>();
    capacity.put("cpu", new Quantity("32"));
    capacity.put("memory", new Quantity("256Gi"));
    capacity.put("pods", new Quantity("110"));
    extendedResources.forEach((resource, amount) -> capacity.put(resource, new Quantity(amount)));
    cluster
        .client()
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .addToAnnotations(KWOK_NODE_ANNOTATION, "fake")
                .addToLabels("kubernetes.io/hostname", name)
                .addToLabels("type", "kwok")
                .endMetadata()
                .withNewStatus()
                .withCapacity(capacity)
                .withAllocatable(capacity)
                .endStatus()
                .build())
        .create();
    nodes.add(name);
  }

  private void launch(String name, Path binary, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve(name + ".log").toFile())
            .start();
    ProcessReaper.register(process);
    processes.add(process);
    if (!process.isAlive()) {
      throw new IllegalStateException(name + " exited at start; see " + workDir);
    }
  }

  /** Where the components' logs are, for a failing test's message. */
  public Path logDirectory() {
    return workDir;
  }

  @Override
  public void close() {
    // The nodes go too: test classes share one API server, and the next class's pods must not
    // be scheduled onto nodes no kwok plays anymore.
    nodes.forEach(n -> cluster.client().nodes().withName(n).delete());
    nodes.clear();
    processes.forEach(ProcessReaper::terminate);
    processes.clear();
    TestComponents.deleteRecursively(workDir);
  }
}
