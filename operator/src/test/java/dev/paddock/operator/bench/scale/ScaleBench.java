package dev.paddock.operator.bench.scale;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.operator.bench.chaos.ChaosEnv;
import dev.paddock.operator.bench.chaos.ChaosOperator;
import dev.paddock.testsupport.ClusterControllers;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * bench/scale: one large study (10,000 trials, 1,000 in flight), a small study applied while it
 * runs (fairness), 1,000 simulated trainers reporting every second to the report endpoint, and 100
 * studies side by side; on the chaos suite's world ({@link ChaosEnv}: real kube-apiserver, etcd,
 * scheduler, controller manager, kwok GPU nodes, MinIO) with the operator as a process of its own
 * ({@link ChaosOperator}). Prints a table; see bench/scale/README.md. Not a test: {@code
 * bench/scale/run.sh} runs it.
 */
public final class ScaleBench {

  private final Options o;
  private final ChaosEnv env;
  private final List<String> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();

  record Options(
      int nodes,
      int gpusPerNode,
      int trials,
      int parallelism,
      int epochs,
      long podMillis,
      int bigMinutes,
      int smallTrials,
      int studies,
      int studyTrials,
      int studyParallelism,
      int trainers,
      int reportSeconds,
      int timeoutMinutes,
      String heap,
      List<String> phases) {

    static Options parse(String[] args) {
      return new Options(
          integer(args, "--nodes", 11),
          integer(args, "--gpus-per-node", 100),
          integer(args, "--trials", 10_000),
          integer(args, "--parallelism", 1_000),
          integer(args, "--epochs", 30),
          integer(args, "--pod-millis", 30_000),
          integer(args, "--big-minutes", 0),
          integer(args, "--small-trials", 10),
          integer(args, "--studies", 100),
          integer(args, "--study-trials", 20),
          integer(args, "--study-parallelism", 5),
          integer(args, "--trainers", 1_000),
          integer(args, "--report-seconds", 60),
          integer(args, "--timeout-minutes", 60),
          option(args, "--heap", "512m"),
          Arrays.asList(option(args, "--phases", "many,big").split(",")));
    }
  }

  private ScaleBench(Options o, ChaosEnv env) {
    this.o = o;
    this.env = env;
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    long start = System.nanoTime();
    int exit;
    log(
        "starting kube-apiserver, etcd, scheduler, controller manager, kwok ("
            + o.nodes()
            + " nodes x "
            + o.gpusPerNode()
            + " GPUs), MinIO");
    try (ChaosEnv env =
        ChaosEnv.start(
            0,
            0,
            o.podMillis(),
            new ClusterControllers.Options(
                // kwok gives every pod an address and keeps it until the pod is deleted
                "10.128.0.1/12",
                List.of("--kube-api-qps=200", "--kube-api-burst=400"),
                List.of("--kube-api-qps=200", "--kube-api-burst=400", "--concurrent-job-syncs=50")),
            o.nodes(),
            o.gpusPerNode())) {
      ScaleBench bench = new ScaleBench(o, env);
      for (String phase : o.phases()) {
        switch (phase.trim()) {
          case "many" -> bench.many();
          case "big" -> bench.big();
          default -> throw new IllegalArgumentException("unknown phase " + phase);
        }
      }
      System.out.println(bench.table());
      System.out.printf(
          Locale.ROOT,
          "%d cores, load average at the end %s; bench took %.1f min; logs in %s%n",
          Runtime.getRuntime().availableProcessors(),
          loadAverage(),
          (System.nanoTime() - start) / 60e9,
          env.workDir());
      exit = bench.failures.isEmpty() ? 0 : 1;
      bench.failures.forEach(f -> System.out.println("FAIL: " + f));
    }
    System.exit(exit);
  }

  /** The operator's JVM: a 512 MiB heap at most (the figure to stay under), OOM fatal. */
  private List<String> jvm() {
    return List.of(
        "-Xmx" + o.heap(),
        "-XX:+ExitOnOutOfMemoryError",
        "-Dorg.slf4j.simpleLogger.showDateTime=true");
  }

  private ChaosOperator operator(String namespace) {
    return ChaosOperator.start(
        env,
        namespace,
        "scale-" + namespace,
        false,
        env.workDir().resolve(namespace + "-operator.log"),
        jvm(),
        Map.of());
  }

  // ---------------------------------------------------------------- 100 studies side by side

  private void many() {
    String ns = env.cluster().createNamespace("scale-many");
    KubernetesClient client = env.client();
    int total = o.studies() * o.studyTrials();
    int wave = o.studies() * Math.min(o.studyTrials(), o.studyParallelism());
    log(
        String.format(
            Locale.ROOT,
            "many: %d studies x %d trials, parallelism %d each, in %s",
            o.studies(),
            o.studyTrials(),
            o.studyParallelism(),
            ns));
    try (ChaosOperator operator = operator(ns);
        StudyWatch watch = new StudyWatch(client, ns);
        HeapSampler heap = new HeapSampler(operator)) {
      long t0 = System.nanoTime();
      for (int i = 0; i < o.studies(); i++) {
        client.resource(study("s" + i, ns, o.studyTrials(), o.studyParallelism())).create();
      }
      long deadline = t0 + Duration.ofMinutes(o.timeoutMinutes()).toNanos();
      long created = StudyWatch.await(() -> watch.createdTotal() >= wave, deadline);
      long running = StudyWatch.await(() -> watch.startedTotal() >= wave, deadline);
      long done = StudyWatch.await(() -> watch.endedTotal() >= total, deadline);
      long lastFirst = 0;
      for (int i = 0; i < o.studies(); i++) {
        lastFirst = Math.max(lastFirst, watch.of("s" + i).firstCreatedAt - t0);
      }
      notes.add(
          String.format(
              Locale.ROOT,
              "many: the last of the %d studies got its first Trial %.1f s after the apply",
              o.studies(),
              lastFirst / 1e9));
      if (done < 0) {
        failures.add("many: " + watch.endedTotal() + " of " + total + " trials ended in time");
      }
      if (watch.createdTotal() != total) {
        failures.add("many: " + watch.createdTotal() + " Trials created, expected " + total);
      }
      rows.add(
          row(
              String.format(
                  Locale.ROOT,
                  "%d studies x %d (parallelism %d each)",
                  o.studies(),
                  o.studyTrials(),
                  o.studyParallelism()),
              watch.endedTotal(),
              watch,
              total,
              wave,
              t0,
              created,
              running,
              done,
              heap,
              operator));
    }
  }

  // ---------------------------------------------------------------- one large study

  private void big() {
    String ns = env.cluster().createNamespace("scale-big");
    KubernetesClient client = env.client();
    int wave = Math.min(o.trials(), o.parallelism());
    log(
        String.format(
            Locale.ROOT,
            "big: 1 study x %d trials, parallelism %d, in %s",
            o.trials(),
            o.parallelism(),
            ns));
    try (ChaosOperator operator = operator(ns);
        StudyWatch watch = new StudyWatch(client, ns);
        HeapSampler heap = new HeapSampler(operator)) {
      long t0 = System.nanoTime();
      client.resource(study("big", ns, o.trials(), o.parallelism())).create();
      long deadline = t0 + Duration.ofMinutes(o.timeoutMinutes()).toNanos();
      StudyWatch.Counts big = watch.of("big");
      long created = StudyWatch.await(() -> big.created.size() >= wave, deadline);
      long running = StudyWatch.await(() -> big.started.size() >= wave, deadline);
      log(
          String.format(
              Locale.ROOT,
              "big: first wave created %.1f s, running %.1f s",
              seconds(t0, created),
              seconds(t0, running)));

      // fairness: a small study applied while the large one has its first wave in flight
      if (o.smallTrials() > 0) {
        int inFlight = big.created.size() - big.ended.size();
        long s0 = System.nanoTime();
        client.resource(study("small", ns, o.smallTrials(), o.smallTrials())).create();
        StudyWatch.Counts small = watch.of("small");
        long sDeadline = s0 + Duration.ofMinutes(5).toNanos();
        long sCreated = StudyWatch.await(() -> small.firstCreatedAt != 0, sDeadline);
        long sRunning = StudyWatch.await(() -> small.firstStartedAt != 0, sDeadline);
        long sAll = StudyWatch.await(() -> small.started.size() >= o.smallTrials(), sDeadline);
        String line =
            String.format(
                Locale.ROOT,
                "fairness: a %d-trial study applied with %d trials of the large one in flight: first"
                    + " Trial created %.2f s after the apply, first Trial Running %.2f s, all %d"
                    + " Running %.2f s",
                o.smallTrials(),
                inFlight,
                seconds(s0, small.firstCreatedAt == 0 ? -1 : small.firstCreatedAt),
                seconds(s0, small.firstStartedAt == 0 ? -1 : small.firstStartedAt),
                o.smallTrials(),
                seconds(s0, sAll));
        notes.add(line);
        log(line);
        if (sCreated < 0 || sRunning < 0) {
          failures.add("fairness: the small study got no Running trial within 5 minutes");
        }
      }

      // the report endpoint under trainers reporting every second
      if (o.trainers() > 0 && o.reportSeconds() > 0) {
        long writesBefore = watch.epochWrites();
        ReportLoad load =
            new ReportLoad(
                URI.create("http://127.0.0.1:" + operator.reportPort() + "/v1/report"),
                ChaosOperator.REPORT_KEY.getBytes(StandardCharsets.UTF_8),
                watch,
                ns,
                "big");
        log(
            "report: "
                + o.trainers()
                + " trainers, one epoch a second each, "
                + o.reportSeconds()
                + " s");
        double[] before = handlerTime(operator);
        ReportLoad.Result r = load.run(o.trainers(), Duration.ofSeconds(o.reportSeconds()));
        double[] after = handlerTime(operator);
        double handled = after[0] - before[0];
        notes.add(
            String.format(
                Locale.ROOT,
                "report endpoint, the operator's own timer (paddock_report_latency, the listener's"
                    + " work after the HTTP server took the request): %.0f reports, mean %.1f ms,"
                    + " max %.0f ms; connection failures by kind %s",
                handled,
                handled == 0 ? 0.0 : 1000 * (after[1] - before[1]) / handled,
                1000 * after[2],
                r.failures()));
        StudyWatch.sleep(2000); // the last writes' watch events
        long writes = watch.epochWrites() - writesBefore;
        String line =
            String.format(
                Locale.ROOT,
                "report endpoint: %d trainers x 1 epoch/s for %.0f s: %d reports (%.0f/s), p50 %.1f"
                    + " ms, p99 %.1f ms, max %.0f ms; errors %d (%.2f%%); trial ended/stopped %d;"
                    + " late ticks %d, idle ticks %d (no Running trial free); %d trials reported;"
                    + " answers %s; epoch status writes seen %d (%.1f/s, %.2f per trial reported)",
                r.trainers(),
                r.seconds(),
                r.sent(),
                r.perSecond(),
                r.p50(),
                r.p99(),
                r.max(),
                r.errors(),
                100 * r.errorRate(),
                r.ended(),
                r.late(),
                r.idle(),
                r.distinctTrials(),
                r.statuses(),
                writes,
                writes / r.seconds(),
                r.distinctTrials() == 0 ? 0.0 : (double) writes / r.distinctTrials());
        notes.add(line);
        log(line);
      }

      long done;
      if (o.bigMinutes() > 0) {
        long cut = t0 + Duration.ofMinutes(o.bigMinutes()).toNanos();
        done = StudyWatch.await(() -> big.ended.size() >= o.trials(), Math.min(cut, deadline));
      } else {
        done = StudyWatch.await(() -> big.ended.size() >= o.trials(), deadline);
      }
      long steadyFrom = running > 0 ? running : t0;
      long steadyTo = done > 0 ? big.lastEndedAt : System.nanoTime();
      double rate = big.ended.size() / ((steadyTo - t0) / 1e9);
      if (done < 0) {
        notes.add(
            String.format(
                Locale.ROOT,
                "big: cut after %.1f min with %d of %d trials ended (%d created): %.2f trials/s from"
                    + " the apply; at that rate all %d would take %.1f min",
                (System.nanoTime() - t0) / 60e9,
                big.ended.size(),
                o.trials(),
                big.created.size(),
                rate,
                o.trials(),
                o.trials() / rate / 60));
      }
      if (done > 0 && big.created.size() != o.trials()) {
        failures.add("big: " + big.created.size() + " Trials created, expected " + o.trials());
      }
      log(
          String.format(
              Locale.ROOT,
              "big: %d ended, steady from %.1f s",
              big.ended.size(),
              seconds(t0, steadyFrom)));
      rows.add(
          row(
              String.format(
                  Locale.ROOT, "1 study x %d (parallelism %d)", o.trials(), o.parallelism()),
              big.ended.size(),
              watch,
              o.trials(),
              wave,
              t0,
              created,
              running,
              done,
              heap,
              operator));
    }
  }

  // ---------------------------------------------------------------- figures

  /** The operator's report timer: count, total seconds, max seconds (0s when unreadable). */
  private static double[] handlerTime(ChaosOperator operator) {
    double[] out = new double[3];
    try {
      for (String line : operator.metrics().lines().toList()) {
        if (line.startsWith("#")) {
          continue;
        }
        double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        if (line.startsWith("paddock_report_latency_seconds_count")) {
          out[0] = value;
        } else if (line.startsWith("paddock_report_latency_seconds_sum")) {
          out[1] = value;
        } else if (line.startsWith("paddock_report_latency_seconds_max")) {
          out[2] = value;
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // no figure
    }
    return out;
  }

  private String row(
      String name,
      int ended,
      StudyWatch watch,
      int total,
      int wave,
      long t0,
      long created,
      long running,
      long done,
      HeapSampler heap,
      ChaosOperator operator) {
    long afterGc = HeapSampler.afterGc(operator);
    long maxHeap = heap.max();
    if (maxHeap >= 512L << 20) {
      failures.add(name + ": operator heap reached " + mib(maxHeap) + " MiB");
    }
    String time =
        done > 0
            ? String.format(Locale.ROOT, "%.1f s", seconds(t0, done))
            : String.format(Locale.ROOT, "cut at %.1f min", (System.nanoTime() - t0) / 60e9);
    double rate = ended / (((done > 0 ? done : System.nanoTime()) - t0) / 1e9);
    StudyWatch.Largest study = watch.largestStudyStatus();
    StudyWatch.Largest trial = watch.largestTrialStatus();
    return String.format(
        Locale.ROOT,
        "| %s | %d / %d | %d | %s | %s | %s | %.2f | %d MiB | %d MiB | %,d B (%s) | %,d B (%s) |",
        name,
        ended,
        total,
        wave,
        fmt(seconds(t0, created)),
        fmt(seconds(t0, running)),
        time,
        rate,
        mib(maxHeap),
        mib(afterGc),
        study.bytes(),
        study.name(),
        trial.bytes(),
        trial.name());
  }

  private String table() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%n## Scale: %d kwok nodes x %d GPUs, kwok pods run %.0f-%.0f s, operator -Xmx%s%n%n",
            o.nodes(),
            o.gpusPerNode(),
            o.podMillis() / 1000.0,
            o.podMillis() * 1.2 / 1000.0,
            o.heap()));
    out.append(
        "| run | trials ended / planned | first wave | first wave created | first wave"
            + " Running | all ended | trials/s | heap max (used, sampled 1/s) | heap after full GC |"
            + " largest study status | largest trial status |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    rows.forEach(r -> out.append(r).append('\n'));
    out.append('\n');
    notes.forEach(n -> out.append("- ").append(n).append('\n'));
    return out.toString();
  }

  private static String fmt(double seconds) {
    return Double.isNaN(seconds) ? "not reached" : String.format(Locale.ROOT, "%.1f s", seconds);
  }

  private static double seconds(long from, long to) {
    return to < 0 ? Double.NaN : (to - from) / 1e9;
  }

  private static long mib(long bytes) {
    return bytes < 0 ? -1 : bytes >> 20;
  }

  private TrainingStudy study(String name, String namespace, int trials, int parallelism) {
    String yaml =
        String.format(Locale.ROOT, STUDY, name, namespace, trials, parallelism, o.epochs());
    return env.client().getKubernetesSerialization().unmarshal(yaml, TrainingStudy.class);
  }

  private static String loadAverage() {
    try {
      String[] parts = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  static void log(String line) {
    System.err.printf(Locale.ROOT, "[scale %tT] %s%n", System.currentTimeMillis(), line);
  }

  private static int integer(String[] args, String name, int fallback) {
    return Integer.parseInt(option(args, name, String.valueOf(fallback)));
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  /** Random search over two parameters, one GPU per trial (kwok's nodes have them). */
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
          epochs: %d
          template:
            spec:
              containers:
                - name: trainer
                  image: paddock/trainer:0.1.0
                  args: [train, --data, "synthetic:moons", --label, label]
                  resources: {limits: {nvidia.com/gpu: 1}}
      """;
}
