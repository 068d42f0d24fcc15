package dev.paddock.operator.bench.chaos;

import dev.paddock.testsupport.TestComponents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * bench/chaos: one study per disruption on a real control plane with kwok GPU nodes, each checked
 * against an uninterrupted run of the same study; prints a table. Not a test: {@code
 * bench/chaos/run.sh} runs it ({@link ChaosIT} runs a smaller version in the test command).
 *
 * <p>Options: {@code --trials 16 --parallelism 4 --pod-millis 3000 --minio-down-seconds 60
 * --cpu-percent 10 --timeout-minutes 6 --scenarios kill,apiserver,node,minio,leader,cpu}.
 */
public final class ChaosSuite {

  public static void main(String[] args) throws Exception {
    int trials = integer(args, "--trials", 16);
    int parallelism = integer(args, "--parallelism", 4);
    long podMillis = integer(args, "--pod-millis", 3000);
    int minioDown = integer(args, "--minio-down-seconds", 60);
    int cpuPercent = integer(args, "--cpu-percent", 10);
    Duration timeout = Duration.ofMinutes(integer(args, "--timeout-minutes", 6));
    List<String> chosen =
        Arrays.asList(
            option(args, "--scenarios", "kill,apiserver,node,minio,leader,cpu").split(","));
    long start = System.nanoTime();
    List<ChaosScenarios.Row> rows = new ArrayList<>();
    Path workDir;
    try (ChaosEnv env = ChaosEnv.start(trials, parallelism, podMillis)) {
      workDir = env.workDir();
      ChaosScenarios scenarios = new ChaosScenarios(env, ChaosSuite::log, timeout);
      rows.add(scenarios.baseline());
      List<Supplier<ChaosScenarios.Row>> runs = new ArrayList<>();
      for (String name : chosen) {
        switch (name.trim()) {
          case "kill" -> runs.add(() -> scenarios.operatorKilled(3));
          case "apiserver" ->
              runs.add(() -> scenarios.apiServerRestarted(2, Duration.ofSeconds(5)));
          case "node" -> runs.add(scenarios::nodeLost);
          case "minio" -> runs.add(() -> scenarios.minioDown(Duration.ofSeconds(minioDown)));
          case "leader" -> runs.add(scenarios::leaderFailover);
          case "cpu" -> runs.add(() -> scenarios.cpuStarved(cpuPercent));
          default -> throw new IllegalArgumentException("unknown scenario " + name);
        }
      }
      for (Supplier<ChaosScenarios.Row> run : runs) {
        try {
          ChaosScenarios.Row row = run.get();
          log(row.scenario() + ": " + (row.passed() ? "PASS" : "FAIL") + " " + row.checks());
          rows.add(row);
        } catch (RuntimeException e) {
          log("scenario failed to run: " + e);
          e.printStackTrace();
          rows.add(
              new ChaosScenarios.Row(
                  "did not run: " + e.getMessage(), List.of(), "-", Double.NaN, ""));
        }
      }
      System.out.println(table(rows, trials, parallelism, podMillis));
      System.out.printf(
          Locale.ROOT,
          "%d cores; suite took %.1f min; logs in %s%n",
          Runtime.getRuntime().availableProcessors(),
          (System.nanoTime() - start) / 60e9,
          workDir);
    }
    System.exit(rows.stream().allMatch(r -> !r.checks().isEmpty() && r.passed()) ? 0 : 1);
  }

  static String table(List<ChaosScenarios.Row> rows, int trials, int parallelism, long podMillis) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%n## Chaos: study of %d trials, %d in parallel, kwok pods run %.1f-%.1f s%n%n",
            trials,
            parallelism,
            podMillis / 1000.0,
            podMillis * 1.2 / 1000.0));
    out.append(
        "| scenario | indices | no duplicate | parameters | counts | best | no stuck | archive |"
            + " recovery | study time | notes |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (ChaosScenarios.Row row : rows) {
      out.append("| ").append(row.scenario()).append(" |");
      for (String check :
          List.of(
              "indices", "no duplicate", "parameters", "counts", "best", "no stuck", "archive")) {
        String verdict =
            row.checks().stream()
                .filter(c -> c.name().equals(check))
                .map(c -> c.pass() ? "pass" : "FAIL: " + c.detail())
                .findFirst()
                .orElse("-");
        out.append(' ').append(verdict).append(" |");
      }
      String extra =
          row.checks().stream()
              .filter(c -> c.name().startsWith("new leader"))
              .map(c -> (c.pass() ? "" : "FAIL ") + c.name() + ": " + c.detail() + "; ")
              .findFirst()
              .orElse("");
      out.append(
          String.format(
              Locale.ROOT,
              " %s | %.1f s | %s%s |%n",
              row.recovery(),
              row.seconds(),
              extra,
              row.notes()));
    }
    return out.toString();
  }

  static void log(String line) {
    System.err.printf(Locale.ROOT, "[chaos %tT] %s%n", System.currentTimeMillis(), line);
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

  static Path root() {
    return TestComponents.repositoryRoot();
  }
}
