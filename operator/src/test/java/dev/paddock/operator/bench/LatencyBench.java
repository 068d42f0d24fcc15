package dev.paddock.operator.bench;

import dev.paddock.operator.search.Algorithm;
import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.Sampler;
import dev.paddock.operator.search.StudySearch;
import dev.paddock.operator.search.Suggestion;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.search.TrialState;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Time for TPE to make one suggestion (and a batch of 8) with 1,000 and 10,000 observed trials on
 * the mixed space (4 parameters) and Hartmann-6 (6 floats); the median of several timed calls after
 * warm-up, single-threaded. Wall-clock time, and the calling thread's CPU time, which a busy shared
 * machine disturbs far less.
 */
public final class LatencyBench {
  private LatencyBench() {}

  public static void main(String[] args) {
    int repeats = Integer.parseInt(SearchBench.option(args, "--repeats", "7"));
    System.out.printf(
        Locale.ROOT, "%n### TPE suggestion latency (median of %d calls)%n%n", repeats);
    System.out.println(
        "| space | observed trials | 1 suggestion | batch of 8 | 1 suggestion (CPU) | batch of 8"
            + " (CPU) |");
    System.out.println("|---|---|---|---|---|---|");
    for (BenchObjectives objective :
        List.of(BenchObjectives.mixed(), BenchObjectives.hartmann6())) {
      for (int n : new int[] {1_000, 10_000}) {
        StudySearch search = StudySearch.of(Algorithm.TPE, 1, objective.space());
        List<TrialObservation> trials = history(objective, n);
        double[] one =
            medianMillis(() -> Sampler.suggest(search, Direction.MINIMIZE, trials, 1), repeats);
        double[] eight =
            medianMillis(() -> Sampler.suggest(search, Direction.MINIMIZE, trials, 8), repeats);
        System.out.printf(
            Locale.ROOT,
            "| %s | %,d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n",
            objective.name(),
            n,
            one[0],
            eight[0],
            one[1],
            eight[1]);
      }
    }
  }

  /** n finished trials drawn at random (the sampler does not care how they were chosen). */
  private static List<TrialObservation> history(BenchObjectives objective, int n) {
    StudySearch random = StudySearch.of(Algorithm.RANDOM, 5, objective.space());
    List<TrialObservation> trials = new ArrayList<>(n);
    for (Suggestion s : Sampler.suggest(random, Direction.MINIMIZE, List.of(), n)) {
      trials.add(
          TrialObservation.finished(
              s.index(),
              s.parameters(),
              TrialState.SUCCEEDED,
              objective.f().applyAsDouble(s.parameters())));
    }
    return trials;
  }

  /** The median wall-clock and thread CPU milliseconds of {@code repeats} calls. */
  private static double[] medianMillis(Runnable call, int repeats) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    call.run();
    call.run();
    double[] wall = new double[repeats];
    double[] cpu = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long startCpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      call.run();
      wall[i] = (System.nanoTime() - start) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new double[] {wall[repeats / 2], cpu[repeats / 2]};
  }
}
