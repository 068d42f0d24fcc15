package dev.paddock.operator.bench;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.testsupport.KubeCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The benchmark's runs on one cluster (the ceiling's plain Jobs, the bound's Trials with no
 * operator, one big study, many concurrent studies), each Paddock run with a fresh operator process
 * watching only its own namespace, and the table of their figures against the targets.
 */
final class Scenarios {

  static final double MIN_RATIO = 0.8;
  static final double MAX_WRITES_PER_TRIAL = 6;
  static final long MAX_HEAP_BYTES = 512L << 20;

  /** kwok's CPU per pod above this multiple of the ceiling's marks a run the machine slowed. */
  static final double SLOWED_RUN = 1.5;

  /** One Paddock run's figures. */
  record Figures(
      String name, StudyRun.Result run, AuditWrites writes, long heapBytes, CpuTally cpu) {}

  private final BenchOptions options;
  private final KubeCluster cluster;
  private final KubernetesClient client;
  private final Path kubeconfig;
  private final Path auditLog;
  private final Path workDir;

  Scenarios(
      BenchOptions options,
      KubeCluster cluster,
      KubernetesClient client,
      Path kubeconfig,
      Path auditLog,
      Path workDir) {
    this.options = options;
    this.cluster = cluster;
    this.client = client;
    this.kubeconfig = kubeconfig;
    this.auditLog = auditLog;
    this.workDir = workDir;
  }

  void runAll(Consumer<String> log) throws Exception {
    String ceilingNamespace = cluster.createNamespace("ceiling");
    TrainingStudy template =
        ControlPlaneBench.study(
            "ceiling", ceilingNamespace, options.trials(), options.parallelism());
    log.accept(
        "ceiling: " + options.trials() + " plain Jobs, " + options.parallelism() + " in flight");
    CpuTally ceilingFrom = CpuTally.now(-1);
    CeilingRun.Result ceiling =
        CeilingRun.run(
            client,
            ceilingNamespace,
            i -> ControlPlaneBench.ceilingJob(template, i),
            options.trials(),
            options.parallelism(),
            ControlPlaneBench.timeout(options));
    CpuTally ceilingCpu = CpuTally.now(-1).since(ceilingFrom);
    log.accept(String.format(Locale.ROOT, "ceiling: %.2f Jobs/s", ceiling.perSecond()));
    Optional<Bound> bound = options.bound() ? Optional.of(bound(log)) : Optional.empty();

    List<Figures> runs = new ArrayList<>();
    runs.add(
        paddock("1 study x " + options.trials(), 1, options.trials(), options.parallelism(), log));
    if (options.studies() > 0) {
      runs.add(
          paddock(
              options.studies() + " studies x " + options.trialsPerStudy(),
              options.studies(),
              options.trialsPerStudy(),
              options.parallelismPerStudy(),
              log));
    }
    print(ceiling, ceilingCpu, bound, runs);
  }

  /** The bound's figures: trials kept by the benchmark's own client, no operator. */
  record Bound(CeilingRun.Result run, CpuTally cpu) {}

  private Bound bound(Consumer<String> log) throws InterruptedException {
    String namespace = cluster.createNamespace("bare");
    log.accept(
        "bound: "
            + options.trials()
            + " Trials kept by the benchmark's client (no operator), "
            + options.parallelism()
            + " in flight");
    CpuTally from = CpuTally.now(-1);
    CeilingRun.Result run =
        BareTrialsRun.run(
            client,
            ControlPlaneBench.study("bare", namespace, options.trials(), options.parallelism()),
            options.trials(),
            options.parallelism(),
            ControlPlaneBench.timeout(options));
    CpuTally cpu = CpuTally.now(-1).since(from);
    log.accept(String.format(Locale.ROOT, "bound: %.2f trials/s", run.perSecond()));
    removeNamespace(namespace, log);
    return new Bound(run, cpu);
  }

  /**
   * Deletes a run's namespace and waits until it is gone, so that the Paddock runs find the cluster
   * holding what it held before the bound was added to the benchmark (with 2,000 more finished Jobs
   * and pods left over, the 10-study run was slowed throughout in two runs out of two).
   */
  private void removeNamespace(String namespace, Consumer<String> log) {
    log.accept("removing namespace " + namespace);
    client.namespaces().withName(namespace).delete();
    client
        .namespaces()
        .withName(namespace)
        .waitUntilCondition(Objects::isNull, 10, TimeUnit.MINUTES);
  }

  private Figures paddock(
      String name, int studies, int trials, int parallelism, Consumer<String> log)
      throws Exception {
    String namespace = cluster.createNamespace("paddock");
    String warmup = cluster.createNamespace("warmup");
    Path operatorLog = workDir.resolve(namespace + "-operator.log");
    log.accept(name + ": starting the operator (its own JVM) on namespace " + namespace);
    StudyRun.Result run;
    long heap;
    CpuTally cpu;
    long auditFrom;
    try (OperatorProcess operator =
        OperatorProcess.start(
            kubeconfig,
            List.of(namespace, warmup),
            operatorJvm(),
            Map.of("PADDOCK_RECONCILE_THREADS", String.valueOf(options.reconcileThreads())),
            operatorLog)) {
      warmUp(name, warmup, log);
      auditFrom = Files.size(auditLog);
      log.accept(name + ": applying, parallelism " + parallelism + " per study");
      CpuTally from = CpuTally.now(operator.pid());
      run =
          StudyRun.run(
              client,
              namespace,
              ControlPlaneBench.studies(namespace, studies, trials, parallelism),
              ControlPlaneBench.timeout(options));
      cpu = CpuTally.now(operator.pid()).since(from);
      log.accept(String.format(Locale.ROOT, "%s: %.2f trials/s", name, run.perSecond()));
      // Let the operator finish what follows the last trial (the study's final status).
      OperatorProcess.sleep(5000);
      heap = operator.heapAfterGc();
    }
    // The audit backend writes in batches: give it a moment to flush the last writes.
    OperatorProcess.sleep(3000);
    AuditWrites writes =
        AuditWrites.count(
            AuditWrites.linesFrom(auditLog, auditFrom),
            ControlPlaneBench.OPERATOR_AGENT,
            namespace);
    log.accept(name + ": operator writes by request: " + writes.byRequest());
    return new Figures(name, run, writes, heap, cpu);
  }

  /**
   * A study in a namespace of its own before the measured one, so the measured run sees a running
   * operator (its code compiled by the JIT), as a cluster's long-lived operator is; its writes are
   * not counted (the count is the measured namespace's) nor its CPU (the tally starts after it).
   */
  private void warmUp(String name, String namespace, Consumer<String> log) throws Exception {
    if (options.warmupTrials() <= 0) {
      return;
    }
    int parallelism = Math.max(1, Math.min(options.parallelism(), options.warmupTrials() / 4));
    log.accept(name + ": warming the operator up with " + options.warmupTrials() + " trials");
    StudyRun.run(
        client,
        namespace,
        ControlPlaneBench.studies(namespace, 1, options.warmupTrials(), parallelism),
        ControlPlaneBench.timeout(options));
  }

  private List<String> operatorJvm() {
    List<String> jvm = new ArrayList<>();
    jvm.add("-Dkubernetes.max.concurrent.requests=" + options.clientConcurrency());
    jvm.add("-Dkubernetes.max.concurrent.requests.per.host=" + options.clientConcurrency());
    jvm.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    for (String option : options.operatorJvm().trim().split("\\s+")) {
      if (!option.isEmpty()) {
        jvm.add(option);
      }
    }
    return jvm;
  }

  private void print(
      CeilingRun.Result ceiling, CpuTally ceilingCpu, Optional<Bound> bound, List<Figures> runs) {
    System.out.printf(
        Locale.ROOT,
        "%n## Control plane: %d kwok nodes x %d GPUs, pods run %.1f s, %d CPU cores%n%n",
        options.nodes(),
        options.gpusPerNode(),
        options.podMillis() / 1000.0,
        ControlPlaneBench.CORES);
    if (options.splitCores()) {
      System.out.println(CoreSplit.of(ControlPlaneBench.CORES).describe() + "\n");
    }
    System.out.printf(
        Locale.ROOT,
        "ceiling: %d plain Jobs, %d in flight: %.2f Jobs/s (first %d created in %.1f s)%n%n",
        ceiling.jobs(),
        options.parallelism(),
        ceiling.perSecond(),
        Math.min(options.parallelism(), ceiling.jobs()),
        ceiling.firstWaveSeconds());
    bound.ifPresent(
        b ->
            System.out.printf(
                Locale.ROOT,
                "bound: %d Trials kept by the benchmark's own client, no operator: %.2f trials/s,"
                    + " %.2fx of the ceiling (first %d created in %.1f s)%n%n",
                b.run().jobs(),
                b.run().perSecond(),
                b.run().perSecond() / ceiling.perSecond(),
                Math.min(options.parallelism(), b.run().jobs()),
                b.run().firstWaveSeconds()));
    System.out.println(
        "| run | trials (succeeded) | trials/s | vs ceiling (>= 0.8x) | first wave | operator"
            + " writes/trial (<= 6) | operator heap (< 512 MiB) |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (Figures f : runs) {
      double ratio = f.run().perSecond() / ceiling.perSecond();
      double writes = (double) f.writes().total() / f.run().trials();
      System.out.printf(
          Locale.ROOT,
          "| %s | %d (%d) | %.2f | %.2fx %s | %.1f s | %.2f %s | %.0f MiB %s |%n",
          f.name(),
          f.run().trials(),
          f.run().succeeded(),
          f.run().perSecond(),
          ratio,
          verdict(ratio >= MIN_RATIO),
          f.run().firstWaveSeconds(),
          writes,
          verdict(writes <= MAX_WRITES_PER_TRIAL),
          f.heapBytes() / (double) (1 << 20),
          verdict(f.heapBytes() < MAX_HEAP_BYTES));
    }
    System.out.println();
    printCpu(ceiling, ceilingCpu, bound, runs);
    System.out.println();
    for (Figures f : runs) {
      System.out.println("operator writes, " + f.name() + ":");
      f.writes()
          .byRequest()
          .forEach(
              (request, count) ->
                  System.out.printf(
                      Locale.ROOT,
                      "  %-40s %7d  %.2f/trial%n",
                      request,
                      count,
                      count / (double) f.run().trials()));
    }
  }

  /**
   * Where the cores went: CPU milliseconds per trial (per Job for the ceiling) by component, and
   * the share of the machine the run used.
   */
  private static void printCpu(
      CeilingRun.Result ceiling, CpuTally ceilingCpu, Optional<Bound> bound, List<Figures> runs) {
    System.out.println(
        "CPU ms per trial (per Job for the ceiling), by process, the share of all cores used, and"
            + " the share the host stole (a run with more than a few % of steal is not comparable):");
    System.out.println(
        "| run | " + String.join(" | ", CpuTally.COMPONENTS) + " | total | cores used | steal |");
    System.out.println("|---|" + "---|".repeat(CpuTally.COMPONENTS.size() + 3));
    cpuRow("ceiling", ceilingCpu, ceiling.jobs(), ceiling.seconds());
    bound.ifPresent(b -> cpuRow("bound (no operator)", b.cpu(), b.run().jobs(), b.run().seconds()));
    for (Figures f : runs) {
      cpuRow(f.name(), f.cpu(), f.run().trials(), f.run().seconds());
    }
    for (Figures f : runs) {
      double slowdown = f.cpu().kwokSlowdown(f.run().trials(), ceilingCpu, ceiling.jobs());
      if (slowdown > SLOWED_RUN) {
        System.out.printf(
            Locale.ROOT,
            "NOT COMPARABLE: %s: kwok spent %.1fx its CPU per Job in the ceiling for the same work"
                + " per pod; the machine was slower during this run. Run the benchmark again.%n",
            f.name(),
            slowdown);
      }
    }
  }

  private static void cpuRow(String name, CpuTally cpu, int units, double wallSeconds) {
    StringBuilder row = new StringBuilder("| " + name + " |");
    for (String component : CpuTally.COMPONENTS) {
      row.append(String.format(Locale.ROOT, " %.1f |", cpu.millisPer(component, units)));
    }
    double cores = ControlPlaneBench.CORES;
    row.append(
        String.format(
            Locale.ROOT,
            " %.1f | %.0f%% | %.0f%% |",
            cpu.total().toMillis() / (double) units,
            100 * cpu.total().toMillis() / 1000.0 / (wallSeconds * cores),
            100 * cpu.steal().toMillis() / 1000.0 / (wallSeconds * cores)));
    System.out.println(row);
  }

  private static String verdict(boolean met) {
    return met ? "PASS" : "MISS";
  }
}
