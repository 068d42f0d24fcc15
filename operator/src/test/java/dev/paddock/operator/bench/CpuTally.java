package dev.paddock.operator.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of the benchmark's processes by component (kube-apiserver, etcd, the controller manager,
 * the scheduler, kwok, the operator and this JVM), from the operating system's per-process
 * counters, so that each run's figures say where the machine's cores went; and the machine's steal
 * time, the time its virtual cores waited for the host's, which inflates every figure of a run.
 *
 * @param steal steal time over all cores ({@code /proc/stat}); zero where there is none to read
 */
record CpuTally(Map<String, Duration> byComponent, Duration steal) {

  /** {@code /proc/stat} counts in USER_HZ, 100 a second on Linux. */
  private static final long TICKS_PER_SECOND = 100;

  static final List<String> COMPONENTS =
      List.of(
          "kube-apiserver",
          "etcd",
          "kube-controller-manager",
          "kube-scheduler",
          "kwok",
          "operator",
          "bench");

  /** Now, for this JVM's descendants; {@code operatorPid} (or -1) is the operator's process. */
  static CpuTally now(long operatorPid) {
    Map<String, Duration> tally = new LinkedHashMap<>();
    COMPONENTS.forEach(c -> tally.put(c, Duration.ZERO));
    ProcessHandle self = ProcessHandle.current();
    Stream.concat(Stream.of(self), self.descendants())
        .forEach(
            p -> {
              String component =
                  p.pid() == self.pid()
                      ? "bench"
                      : p.pid() == operatorPid ? "operator" : component(p.info());
              Duration cpu = p.info().totalCpuDuration().orElse(Duration.ZERO);
              if (component != null) {
                tally.merge(component, cpu, Duration::plus);
              }
            });
    return new CpuTally(tally, steal(Path.of("/proc/stat")));
  }

  /** The steal time in a {@code /proc/stat} file: the 8th value of its {@code cpu} line. */
  static Duration steal(Path procStat) {
    try (Stream<String> lines = Files.lines(procStat)) {
      return lines
          .filter(l -> l.startsWith("cpu "))
          .findFirst()
          .map(l -> l.trim().split("\\s+"))
          .filter(f -> f.length > 8)
          .map(f -> Duration.ofMillis(Long.parseLong(f[8]) * 1000 / TICKS_PER_SECOND))
          .orElse(Duration.ZERO);
    } catch (IOException | UncheckedIOException e) {
      return Duration.ZERO;
    }
  }

  private static String component(ProcessHandle.Info info) {
    String command = info.command().map(c -> Path.of(c).getFileName().toString()).orElse("");
    return COMPONENTS.contains(command) ? command : null;
  }

  /** The CPU used from {@code before} to this tally. */
  CpuTally since(CpuTally before) {
    Map<String, Duration> spent = new LinkedHashMap<>();
    byComponent.forEach(
        (c, d) -> spent.put(c, d.minus(before.byComponent.getOrDefault(c, Duration.ZERO))));
    return new CpuTally(spent, steal.minus(before.steal));
  }

  Duration total() {
    return byComponent.values().stream().reduce(Duration.ZERO, Duration::plus);
  }

  /**
   * How much more CPU kwok spent per unit of work in this run than in {@code ceiling}. kwok does
   * the same work for every pod in every run (two status patches, and its nodes' heartbeats), so a
   * ratio well above 1 says the machine itself was slower during this run (another tenant of the
   * host, which a virtual machine need not see as steal time) and its figures are not comparable.
   */
  double kwokSlowdown(int units, CpuTally ceiling, int ceilingUnits) {
    double base = ceiling.millisPer("kwok", ceilingUnits);
    return base <= 0 ? 1 : millisPer("kwok", units) / base;
  }

  /** Milliseconds of CPU per unit of work (a trial, or a Job for the ceiling). */
  double millisPer(String component, int units) {
    return byComponent.getOrDefault(component, Duration.ZERO).toMillis() / (double) units;
  }
}
