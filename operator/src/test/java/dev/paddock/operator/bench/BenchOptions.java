package dev.paddock.operator.bench;

/**
 * The control-plane benchmark's parameters ({@code --name value}), with the full-size defaults.
 *
 * @param podMillis how long kwok keeps a trial pod running before it completes it
 * @param controllerQps client QPS of kube-scheduler and kube-controller-manager (burst twice that)
 * @param jobSyncs kube-controller-manager's --concurrent-job-syncs
 * @param reconcileThreads the operator's PADDOCK_RECONCILE_THREADS
 * @param clientConcurrency the operator's fabric8 kubernetes.max.concurrent.requests(.per.host)
 * @param operatorJvm the operator's JVM options (space separated); by default those of the Helm
 *     chart's pod: its 512Mi memory limit and its javaOptions, so the JVM sizes its heap and picks
 *     its collector as it does in the cluster
 * @param warmupTrials trials of a study the operator runs before each measured run, so the figures
 *     are those of a running operator, not of one still compiling its code (0: none)
 * @param bound whether to run the bound too: Trials kept by the benchmark's own client, no operator
 *     ({@link BareTrialsRun})
 * @param splitCores whether to run the control plane and its clients on separate cores ({@link
 *     CoreSplit})
 */
record BenchOptions(
    int nodes,
    int gpusPerNode,
    int trials,
    int parallelism,
    int studies,
    long podMillis,
    int controllerQps,
    int jobSyncs,
    int reconcileThreads,
    int clientConcurrency,
    String operatorJvm,
    int warmupTrials,
    int timeoutMinutes,
    boolean keep,
    boolean bound,
    boolean splitCores) {

  /** The chart's resources.limits.memory (512Mi) and javaOptions (values.yaml). */
  static final String CHART_JVM =
      "-XX:MaxRAM=512m -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError";

  static BenchOptions parse(String[] args) {
    return new BenchOptions(
        integer(args, "--nodes", 100),
        integer(args, "--gpus-per-node", 8),
        integer(args, "--trials", 2000),
        integer(args, "--parallelism", 500),
        integer(args, "--studies", 10),
        integer(args, "--pod-millis", 5000),
        integer(args, "--controller-qps", 200),
        integer(args, "--job-syncs", 50),
        integer(args, "--reconcile-threads", 10),
        integer(args, "--client-concurrency", 64),
        SearchBench.option(args, "--operator-jvm", CHART_JVM),
        integer(args, "--warmup-trials", 200),
        integer(args, "--timeout-minutes", 30),
        Boolean.parseBoolean(SearchBench.option(args, "--keep", "false")),
        Boolean.parseBoolean(SearchBench.option(args, "--bound", "true")),
        Boolean.parseBoolean(SearchBench.option(args, "--split-cores", "false")));
  }

  private static int integer(String[] args, String name, int fallback) {
    return Integer.parseInt(SearchBench.option(args, name, String.valueOf(fallback)));
  }

  /** Trials (and parallelism) per study when the same load is split across several studies. */
  int trialsPerStudy() {
    return Math.max(1, trials / studies);
  }

  int parallelismPerStudy() {
    return Math.max(1, parallelism / studies);
  }
}
