package dev.paddock.operator.bench;

/**
 * The control-plane benchmark's parameters ({@code --name value}), with the full-size defaults.
 *
 * @param podMillis how long kwok keeps a trial pod running before it completes it
 * @param controllerQps client QPS of kube-scheduler and kube-controller-manager (burst twice that)
 * @param jobSyncs kube-controller-manager's --concurrent-job-syncs
 * @param reconcileThreads the operator's PADDOCK_RECONCILE_THREADS
 * @param clientConcurrency the operator's fabric8 kubernetes.max.concurrent.requests(.per.host)
 * @param operatorJvm extra JVM options of the operator (space separated)
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
    int timeoutMinutes,
    boolean keep) {

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
        SearchBench.option(args, "--operator-jvm", ""),
        integer(args, "--timeout-minutes", 30),
        Boolean.parseBoolean(SearchBench.option(args, "--keep", "false")));
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
