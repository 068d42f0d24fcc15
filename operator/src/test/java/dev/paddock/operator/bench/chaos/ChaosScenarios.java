package dev.paddock.operator.bench.chaos;

import dev.paddock.api.v1alpha1.TrainingStudy;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The chaos scenarios. Each runs the same study (random search, seed 42) in a namespace of its own
 * with a fresh operator process (two for the failover), disrupts it, waits for its end and checks
 * it against the uninterrupted run ({@link #baseline()}).
 */
final class ChaosScenarios {

  /** One scenario's verdicts and figures: a row of the table. */
  record Row(
      String scenario, List<Outcome.Check> checks, String recovery, double seconds, String notes) {
    boolean passed() {
      return checks.stream().allMatch(Outcome.Check::pass);
    }
  }

  private final ChaosEnv env;
  private final Consumer<String> log;
  private final Duration timeout;
  private Outcome baseline;

  ChaosScenarios(ChaosEnv env, Consumer<String> log, Duration timeout) {
    this.env = env;
    this.log = log;
    this.timeout = timeout;
  }

  /** A study's run: its namespace, recorder and operator replicas. */
  private final class Run implements AutoCloseable {
    final String namespace;
    final Recorder recorder;
    final List<ChaosOperator> operators = new ArrayList<>();
    long created;

    Run(String prefix) {
      namespace = env.namespace(prefix);
      recorder = new Recorder(env.client(), namespace);
    }

    ChaosOperator operator(String name, boolean leaderElection) {
      ChaosOperator operator =
          ChaosOperator.start(env, namespace, name, leaderElection, operatorLog(name));
      operators.add(operator);
      return operator;
    }

    Path operatorLog(String name) {
      return env.workDir().resolve(namespace + "-" + name + ".log");
    }

    void createStudy() {
      created = System.nanoTime();
      env.createStudy(namespace);
    }

    Outcome await() {
      return Outcome.await(env.client(), namespace, recorder, created, timeout);
    }

    void awaitEnded(int trials) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (recorder.trialsEnded() < trials) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(namespace + ": " + trials + " trials never ended");
        }
        ChaosEnv.sleep(50);
      }
    }

    /** Seconds from {@code fromNanos} to the study's first progress after {@code afterNanos}. */
    double progressAfter(long fromNanos, long afterNanos) {
      Recorder.Progress next = recorder.firstProgressAfter(afterNanos);
      return next == null ? Double.NaN : (next.nanos() - fromNanos) / 1e9;
    }

    @Override
    public void close() {
      operators.forEach(ChaosOperator::close);
      recorder.close();
    }
  }

  /** The uninterrupted run every scenario is checked against. */
  Row baseline() {
    log.accept("baseline: the study with no disruption");
    try (Run run = new Run("chaos-baseline")) {
      run.operator("operator", false);
      run.createStudy();
      baseline = run.await();
      List<Outcome.Check> checks = baseline.against(baseline, env.trials);
      return new Row("baseline (no disruption)", checks, "-", baseline.seconds(), "");
    }
  }

  double baselineSeconds() {
    return baseline.seconds();
  }

  /**
   * The operator SIGKILLed {@code kills} times, each right after the first Trial of a batch of
   * creations appears (at index 0, then about evenly through the study), and started again at once.
   */
  Row operatorKilled(int kills) {
    log.accept("operator SIGKILLed " + kills + " times, each as a batch of creations starts");
    try (Run run = new Run("chaos-kill")) {
      AtomicReference<ChaosOperator> current = new AtomicReference<>(run.operator("op-0", false));
      AtomicInteger armed = new AtomicInteger(0);
      AtomicLong killedAt = new AtomicLong();
      AtomicReference<CountDownLatch> fired = new AtomicReference<>(new CountDownLatch(1));
      List<String> notes = new ArrayList<>();
      List<Long> kills0 = new ArrayList<>();
      List<String> triggers = new ArrayList<>();
      run.recorder.onTrialAdded(
          (trial, recorder) -> {
            int threshold = armed.get();
            if (threshold >= 0 && trial.getSpec().index() >= threshold) {
              armed.set(-1);
              current.get().kill();
              killedAt.set(System.nanoTime());
              triggers.add(
                  trial.getMetadata().getName()
                      + " "
                      + trial.getMetadata().getAnnotations().get("paddock.dev/suggestion-basis"));
              fired.get().countDown();
            }
          });
      run.createStudy();
      List<long[]> restarts = new ArrayList<>();
      for (int k = 0; k < kills; k++) {
        await(fired.get(), "kill " + (k + 1));
        long kill = killedAt.get();
        kills0.add(kill);
        fired.set(new CountDownLatch(1));
        ChaosOperator next = run.operator("op-" + (k + 1), false);
        current.set(next);
        long ready = System.nanoTime();
        if (k + 1 < kills) {
          armed.set((k + 1) * env.trials / kills);
        }
        restarts.add(new long[] {kill, ready});
      }
      Outcome outcome = run.await();
      double worst = 0;
      for (long[] restart : restarts) {
        worst = Math.max(worst, run.progressAfter(restart[0], restart[1]));
      }
      for (int k = 0; k < kills; k++) {
        notes.add(batchNote(run, triggers.get(k), kills0.get(k)));
      }
      return new Row(
          "operator SIGKILLed x" + kills + " (as batches start)",
          outcome.against(baseline, env.trials),
          String.format(Locale.ROOT, "%.1f s to progress (max)", worst),
          outcome.seconds(),
          String.join("; ", notes));
    }
  }

  /** "index 0 (batch 0-3: 1 of 4 there at the kill)", from the trigger's basis annotation. */
  private static String batchNote(Run run, String trigger, long killNanos) {
    String[] parts = trigger.split(" ", 2);
    String basis = parts.length > 1 ? parts[1] : "";
    String range = basis.split(";", 2)[0];
    String[] bounds = range.split("-");
    try {
      int first = Integer.parseInt(bounds[0]);
      int last = Integer.parseInt(bounds[1]);
      int present = 0;
      for (int i = first; i <= last; i++) {
        Long at = run.recorder.createdAt(ChaosEnv.STUDY + "-" + i);
        if (at != null && at <= killNanos) {
          present++;
        }
      }
      return String.format(
          Locale.ROOT,
          "killed at %s: batch %d-%d, %d of %d there",
          parts[0],
          first,
          last,
          present,
          last - first + 1);
    } catch (RuntimeException e) {
      return "killed at " + parts[0];
    }
  }

  /**
   * kube-apiserver stopped (SIGTERM) and started again {@code restarts} times while trials run,
   * etcd kept: every watch breaks, and the informers' resumed watches get {@code 410 Gone}.
   */
  Row apiServerRestarted(int restarts, Duration downtime) {
    log.accept(
        "kube-apiserver restarted " + restarts + " times, down " + downtime.toSeconds() + " s");
    try (Run run = new Run("chaos-apiserver")) {
      ChaosOperator operator = run.operator("operator", false);
      run.createStudy();
      double worst = 0;
      for (int k = 1; k <= restarts; k++) {
        run.awaitEnded(k * env.trials / (restarts + 1));
        env.cluster().restartApiServer(downtime);
        long back = System.nanoTime();
        log.accept("kube-apiserver back (" + k + ")");
        Outcome.awaitProgress(run.recorder, back, timeout);
        worst = Math.max(worst, run.progressAfter(back, back));
      }
      Outcome outcome = run.await();
      long gone = countLines(run.operatorLog(operator.name()), ChaosOperator.HTTP_GONE);
      return new Row(
          "kube-apiserver restarted x" + restarts + " (watches broken, 410 Gone)",
          outcome.against(baseline, env.trials),
          String.format(Locale.ROOT, "%.1f s to progress (max)", worst),
          outcome.seconds(),
          gone + " informer watches ended by 410 Gone and relisted");
    }
  }

  /**
   * A node lost with trial pods running on it. Its pods must not finish on their own (kwok would
   * still complete a pod whose node object is gone), so the first wave runs on a node named {@code
   * hold-1}, whose pods the test Stages never complete, the GPU nodes cordoned meanwhile. Once they
   * run, the GPU nodes are uncordoned and {@code hold-1} is deleted: kube-controller-manager's pod
   * GC fails and deletes its orphaned pods (DisruptionTarget), and the Job controller recreates
   * them on the other nodes; the trials must retry without counting a failure.
   */
  Row nodeLost() {
    log.accept("a node with running trial pods deleted");
    String node = "hold-1";
    List<String> gpuNodes = List.of("chaos-gpu-1", "chaos-gpu-2");
    env.addNode(node);
    gpuNodes.forEach(n -> cordon(n, true));
    try (Run run = new Run("chaos-node")) {
      run.operator("operator", false);
      run.createStudy();
      int wave = Math.min(env.parallelism, env.trials);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (run.recorder.jobsRunningOn(node).size() < wave) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the first wave never ran on " + node);
        }
        ChaosEnv.sleep(20);
      }
      List<String> lost = run.recorder.jobsRunningOn(node);
      gpuNodes.forEach(n -> cordon(n, false));
      env.client().nodes().withName(node).delete();
      long deleted = System.nanoTime();
      log.accept("deleted node " + node + " running " + lost);
      Outcome outcome = run.await();
      double worst = 0;
      for (String job : lost) {
        long elsewhere = run.recorder.podRunningElsewhere(job, node, deleted);
        worst = Math.max(worst, elsewhere < 0 ? Double.NaN : (elsewhere - deleted) / 1e9);
      }
      long retried =
          outcome.trials().stream()
              .filter(t -> lost.contains(t.getMetadata().getName()))
              .filter(t -> t.getStatus() != null && t.getStatus().attempts() != null)
              .mapToInt(t -> t.getStatus().attempts())
              .max()
              .orElse(0);
      return new Row(
          "node lost with " + lost.size() + " trial pods running",
          outcome.against(baseline, env.trials),
          String.format(Locale.ROOT, "%.1f s until the lost trials run elsewhere", worst),
          outcome.seconds(),
          "lost "
              + lost.stream().sorted().toList()
              + " on "
              + node
              + "; their attempts (max) "
              + retried);
    } finally {
      gpuNodes.forEach(n -> cordon(n, false));
    }
  }

  private void cordon(String node, boolean unschedulable) {
    env.client()
        .nodes()
        .withName(node)
        .edit(
            n -> {
              n.getSpec().setUnschedulable(unschedulable);
              return n;
            });
  }

  /** MinIO stopped for {@code down} once a quarter of the trials has ended, then started again. */
  Row minioDown(Duration down) {
    log.accept("MinIO stopped for " + down.toSeconds() + " s mid-study");
    try (Run run = new Run("chaos-minio")) {
      run.operator("operator", false);
      run.createStudy();
      run.awaitEnded(Math.max(1, env.trials / 4));
      env.minio().stop();
      long stopped = System.nanoTime();
      boolean degradedSeen = false;
      while (System.nanoTime() - stopped < down.toNanos()) {
        degradedSeen |= degraded(run.namespace);
        ChaosEnv.sleep(500);
      }
      env.minio().start();
      long back = System.nanoTime();
      log.accept("MinIO back");
      double recovered = Double.NaN;
      long deadline = back + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        degradedSeen |= degraded(run.namespace);
        TrainingStudy study = study(run.namespace);
        if (study != null
            && study.getStatus() != null
            && !Outcome.archiveDegraded(study)
            && Outcome.archiveMessage(study) == null
            && run.recorder.trialsEnded() == env.trials) {
          recovered = (System.nanoTime() - back) / 1e9;
          break;
        }
        ChaosEnv.sleep(250);
      }
      Outcome outcome = run.await();
      return new Row(
          "MinIO down " + down.toSeconds() + " s (archiving)",
          outcome.against(baseline, env.trials),
          String.format(Locale.ROOT, "%.1f s from MinIO back to archive complete", recovered),
          outcome.seconds(),
          "ArchiveDegraded seen: " + degradedSeen);
    }
  }

  private boolean degraded(String namespace) {
    TrainingStudy study = study(namespace);
    return study != null && study.getStatus() != null && Outcome.archiveDegraded(study);
  }

  private TrainingStudy study(String namespace) {
    try {
      return env.client()
          .resources(TrainingStudy.class)
          .inNamespace(namespace)
          .withName(ChaosEnv.STUDY)
          .get();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Two replicas with leader election; the leader SIGKILLed once a quarter of the trials has ended
   * (trials running): the time until the standby holds the Lease, and until the study moves on.
   */
  Row leaderFailover() {
    log.accept("leader failover: two replicas, the leader SIGKILLed under load");
    try (Run run = new Run("chaos-leader")) {
      ChaosOperator first = run.operator("replica-a", true);
      awaitHolder(run.namespace, null);
      run.operator("replica-b", true);
      String holder = holder(run.namespace);
      ChaosOperator leader =
          run.operators.stream().filter(o -> o.name().equals(holder)).findFirst().orElse(first);
      run.createStudy();
      run.awaitEnded(Math.max(1, env.trials / 4));
      leader.kill();
      long killed = System.nanoTime();
      String next = awaitHolder(run.namespace, holder);
      double failover = (System.nanoTime() - killed) / 1e9;
      log.accept(String.format(Locale.ROOT, "%s took the lease in %.1f s", next, failover));
      Outcome.awaitProgress(run.recorder, killed, timeout);
      double progress = run.progressAfter(killed, killed);
      Outcome outcome = run.await();
      List<Outcome.Check> checks = new ArrayList<>(outcome.against(baseline, env.trials));
      checks.add(
          new Outcome.Check(
              "new leader < 15 s", failover < 15, String.format(Locale.ROOT, "%.1f s", failover)));
      return new Row(
          "leader failover (2 replicas, leader SIGKILLed)",
          checks,
          String.format(
              Locale.ROOT, "%.1f s to a new leader, %.1f s to progress", failover, progress),
          outcome.seconds(),
          holder + " -> " + next);
    }
  }

  private String holder(String namespace) {
    Lease lease = env.client().leases().inNamespace(namespace).withName("paddock-operator").get();
    return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
  }

  private String awaitHolder(String namespace, String previous) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String holder = holder(namespace);
      if (holder != null && !holder.isEmpty() && !holder.equals(previous)) {
        return holder;
      }
      ChaosEnv.sleep(50);
    }
    throw new IllegalStateException("no new lease holder in " + namespace);
  }

  /**
   * The operator's process confined to {@code percent}% of one core (cgroup v1 CPU quota) from its
   * readiness to the study's end.
   */
  Row cpuStarved(int percent) {
    log.accept("operator starved of CPU: " + percent + "% of one core");
    Path cgroup = Path.of("/sys/fs/cgroup/cpu/paddock-chaos-" + ProcessHandle.current().pid());
    try (Run run = new Run("chaos-cpu")) {
      ChaosOperator operator = run.operator("operator", false);
      Files.createDirectories(cgroup);
      Files.writeString(cgroup.resolve("cpu.cfs_period_us"), "100000");
      Files.writeString(cgroup.resolve("cpu.cfs_quota_us"), String.valueOf(percent * 1000));
      Files.writeString(cgroup.resolve("cgroup.procs"), String.valueOf(operator.pid()));
      run.createStudy();
      Outcome outcome = run.await();
      String stat = Files.readString(cgroup.resolve("cpu.stat")).replace('\n', ' ').trim();
      Files.writeString(Path.of("/sys/fs/cgroup/cpu/cgroup.procs"), String.valueOf(operator.pid()));
      return new Row(
          "operator starved of CPU (" + percent + "% of a core)",
          outcome.against(baseline, env.trials),
          String.format(
              Locale.ROOT,
              "%.1fx the baseline's study time",
              outcome.seconds() / baseline.seconds()),
          outcome.seconds(),
          throttled(stat));
    } catch (IOException e) {
      throw new UncheckedIOException("cgroup v1 CPU controller not writable at " + cgroup, e);
    } finally {
      try {
        Files.deleteIfExists(cgroup);
      } catch (IOException ignored) {
        // a process still in it; the directory goes with the machine
      }
    }
  }

  /** "throttled 412 of 530 periods, 38.2 s" from cpu.stat. */
  private static String throttled(String stat) {
    String[] words = stat.split("\\s+");
    long periods = 0;
    long throttled = 0;
    long nanos = 0;
    for (int i = 0; i + 1 < words.length; i++) {
      switch (words[i]) {
        case "nr_periods" -> periods = Long.parseLong(words[i + 1]);
        case "nr_throttled" -> throttled = Long.parseLong(words[i + 1]);
        case "throttled_time" -> nanos = Long.parseLong(words[i + 1]);
        default -> {}
      }
    }
    return String.format(
        Locale.ROOT,
        "throttled in %d of %d periods, %.1f s in all",
        throttled,
        periods,
        nanos / 1e9);
  }

  private static long countLines(Path file, String text) {
    try (var lines = Files.lines(file)) {
      return lines.filter(l -> l.contains(text)).count();
    } catch (IOException e) {
      return -1;
    }
  }

  private static void await(CountDownLatch latch, String what) {
    try {
      if (!latch.await(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException(what + " never came");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
