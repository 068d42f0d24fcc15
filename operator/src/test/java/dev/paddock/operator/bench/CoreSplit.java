package dev.paddock.operator.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code --split-cores}: the control plane (kube-apiserver, etcd, the controllers, kwok) on the
 * first half of the machine's cores, and the API's clients (the operator, and this JVM, whose
 * client creates the ceiling's Jobs and the bound's Trials) on the other half, as in a cluster,
 * where the operator runs on a node of its own and shares only the control plane with the Jobs.
 * Pinned with {@code taskset}; a process started later (the operator) inherits the affinity of the
 * thread that starts it, here this JVM's.
 */
record CoreSplit(String controlPlane, String clients) {

  private static final Set<String> CONTROL_PLANE =
      Set.of("kube-apiserver", "etcd", "kube-controller-manager", "kube-scheduler", "kwok");

  /** The two halves of {@code cores} cores, as taskset CPU lists. */
  static CoreSplit of(int cores) {
    if (cores < 2) {
      throw new IllegalArgumentException(
          "--split-cores needs 2 cores or more; this machine has " + cores);
    }
    int half = cores / 2;
    return new CoreSplit(range(0, half - 1), range(half, cores - 1));
  }

  private static String range(int from, int to) {
    return from == to ? String.valueOf(from) : from + "-" + to;
  }

  /** Pins this JVM's control-plane descendants to their half and this JVM to the clients' half. */
  void apply() throws IOException, InterruptedException {
    ProcessHandle self = ProcessHandle.current();
    List<ProcessHandle> controlPlane =
        self.descendants().filter(p -> CONTROL_PLANE.contains(command(p))).toList();
    if (controlPlane.size() < CONTROL_PLANE.size()) {
      throw new IllegalStateException(
          "--split-cores found " + controlPlane.size() + " control-plane processes, not 5");
    }
    for (ProcessHandle process : controlPlane) {
      pin(process.pid(), controlPlane());
    }
    pin(self.pid(), clients);
  }

  private static String command(ProcessHandle process) {
    return process.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("");
  }

  /** All of a process's threads; the threads it starts later inherit it. */
  private static void pin(long pid, String cpus) throws IOException, InterruptedException {
    Process taskset =
        new ProcessBuilder(
                "taskset", "--all-tasks", "--cpu-list", "--pid", cpus, String.valueOf(pid))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (taskset.waitFor() != 0) {
      throw new IllegalStateException("taskset could not pin process " + pid + " to " + cpus);
    }
  }

  String describe() {
    return "control plane on cores "
        + controlPlane
        + "; the operator and the benchmark's client on cores "
        + clients;
  }
}
