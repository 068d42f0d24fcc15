package dev.paddock.testsupport.kubelet;

import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.TestComponents;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the kubelet of one node of a real test cluster: the node is registered and kept Ready, and
 * every pod bound to it runs its containers as local processes (see the package documentation).
 * {@link #close()} ends every process it started and removes the node.
 */
public final class KubeletHarness implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(KubeletHarness.class.getName());
  private static final long HEARTBEAT_SECONDS = 5;

  /** What the test JVM's environment passes to containers (so `sh`, `java`, `python3` resolve). */
  private static final List<String> PASSED_ENV =
      List.of("PATH", "HOME", "JAVA_HOME", "LANG", "LC_ALL", "USER", "DJL_CACHE_DIR");

  private final KubernetesClient client;
  private final String nodeName;
  private final Path workDir;
  private final HarnessContext context;
  private final NodeHeartbeat heartbeat;
  private final ScheduledExecutorService timers;
  private final Map<String, PodRunner> runners = new ConcurrentHashMap<>();
  private final Set<String> terminating = ConcurrentHashMap.newKeySet();
  private SharedIndexInformer<Pod> informer;
  private volatile boolean closed;

  private KubeletHarness(
      KubernetesClient client,
      String nodeName,
      Path workDir,
      Map<String, List<String>> entrypoints) {
    this.client = client;
    this.nodeName = nodeName;
    this.workDir = workDir;
    this.heartbeat = new NodeHeartbeat(client, nodeName);
    this.timers = Executors.newScheduledThreadPool(2, daemon("kubelet-" + nodeName + "-timer"));
    Map<String, String> baseEnv = new LinkedHashMap<>();
    PASSED_ENV.forEach(
        name -> Optional.ofNullable(System.getenv(name)).ifPresent(v -> baseEnv.put(name, v)));
    this.context =
        new HarnessContext(
            client,
            new PodStatusWriter(client),
            new EnvResolver(client),
            Map.copyOf(entrypoints),
            baseEnv,
            Executors.newCachedThreadPool(daemon("kubelet-" + nodeName + "-pod")),
            timers,
            workDir.resolve("pods"),
            workDir.resolve("logs"));
  }

  /**
   * Registers the node and starts running the pods bound to it.
   *
   * @param extendedResources capacity beside 16 CPUs, 64 GiB and 110 pods, e.g. {@code
   *     nvidia.com/gpu: 2}
   * @param entrypoints image-name prefix to the command line its image would run, for containers
   *     without a {@code command} (e.g. {@code paddock/trainer -> [.../bin/paddock-trainer]})
   */
  public static KubeletHarness start(
      KubeCluster cluster,
      String nodeName,
      Map<String, String> extendedResources,
      Map<String, List<String>> entrypoints) {
    Path workDir;
    try {
      workDir = Files.createTempDirectory("paddock-kubelet-" + nodeName + "-");
      Files.createDirectories(workDir.resolve("pods"));
      Files.createDirectories(workDir.resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    KubeletHarness harness = new KubeletHarness(cluster.client(), nodeName, workDir, entrypoints);
    harness.heartbeat.register(extendedResources);
    harness.timers.scheduleWithFixedDelay(
        harness::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    harness.informer =
        cluster
            .client()
            .pods()
            .inAnyNamespace()
            .withField("spec.nodeName", nodeName)
            .inform(harness.handler(), 30_000);
    return harness;
  }

  public String nodeName() {
    return nodeName;
  }

  /** Where each container's stdout and stderr go ({@code <namespace>_<pod>_<container>.log}). */
  public Path logDirectory() {
    return context.logDirectory();
  }

  /**
   * The working directory of a running or finished pod (its files, {@code tmp/}), if it ran here.
   */
  public Optional<Path> podDirectory(String namespace, String name) {
    return runners.values().stream()
        .filter(r -> r.is(namespace, name))
        .map(PodRunner::directory)
        .findFirst();
  }

  /** Every container log, for a failing test's message. */
  public String logs() {
    StringBuilder out = new StringBuilder();
    try (var files = Files.list(logDirectory())) {
      for (Path file : files.sorted().toList()) {
        out.append("==> ")
            .append(file.getFileName())
            .append(" <==\n")
            .append(Files.readString(file));
      }
    } catch (IOException e) {
      out.append("(cannot read the logs: ").append(e).append(")");
    }
    return out.toString();
  }

  private void beat() {
    try {
      heartbeat.beat();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "heartbeat of node " + nodeName + " failed", e);
    }
  }

  private ResourceEventHandler<Pod> handler() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        sync(pod);
      }

      @Override
      public void onUpdate(Pod before, Pod pod) {
        sync(pod);
      }

      @Override
      public void onDelete(Pod pod, boolean finalStateUnknown) {
        PodRunner runner = runners.remove(pod.getMetadata().getUid());
        if (runner != null && !closed) {
          context.containerThreads().submit(() -> runner.stop(0));
        }
      }
    };
  }

  private void sync(Pod pod) {
    if (closed) {
      return;
    }
    String uid = pod.getMetadata().getUid();
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      if (terminating.add(uid)) {
        context.containerThreads().submit(() -> terminate(pod));
      }
      return;
    }
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase) || runners.containsKey(uid)) {
      return;
    }
    PodRunner runner = new PodRunner(context, pod, PodIps.next());
    if (runners.putIfAbsent(uid, runner) == null) {
      runner.start();
    }
  }

  /** A deleted pod: its containers stopped within the grace period, then the pod removed. */
  private void terminate(Pod pod) {
    try {
      PodRunner runner = runners.get(pod.getMetadata().getUid());
      if (runner != null) {
        runner.stop(gracePeriodSeconds(pod));
      }
      if (!closed) {
        client
            .pods()
            .inNamespace(pod.getMetadata().getNamespace())
            .withName(pod.getMetadata().getName())
            .withGracePeriod(0)
            .delete();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot terminate pod " + pod.getMetadata().getName(), e);
    }
  }

  private static long gracePeriodSeconds(Pod pod) {
    Long grace = pod.getMetadata().getDeletionGracePeriodSeconds();
    if (grace == null) {
      grace = pod.getSpec().getTerminationGracePeriodSeconds();
    }
    return Objects.requireNonNullElse(grace, 30L);
  }

  /** Stops every process it started (SIGTERM, SIGKILL after 5 s), the node and its lease. */
  @Override
  public void close() {
    closed = true;
    if (informer != null) {
      informer.close();
    }
    timers.shutdownNow();
    runners.values().forEach(PodRunner::silence);
    runners.values().forEach(r -> r.stop(5));
    context.containerThreads().shutdownNow();
    runners.clear();
    try {
      heartbeat.deregister();
    } finally {
      TestComponents.deleteRecursively(workDir);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
