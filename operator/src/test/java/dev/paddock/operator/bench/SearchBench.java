package dev.paddock.operator.bench;

import dev.paddock.operator.search.Algorithm;
import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.Sampler;
import dev.paddock.operator.search.StudySearch;
import dev.paddock.operator.search.Suggestion;
import dev.paddock.operator.search.TpeSettings;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.search.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Sample efficiency of Paddock's samplers: for each objective and seed, one sequential study of
 * max(budgets) trials; the best-found regret after each budget (a prefix of the same study). Writes
 * JSON for bench/search/report.py. Run by bench/search/run.sh; not a test.
 *
 * <p>Usage: {@code SearchBench --seeds 20 --budgets 25,50,100 --out results.json [--gamma G]
 * [--candidates N] [--univariate] [--first-seed S] [--objectives a,b]}: TPE at {@link
 * TpeSettings#DEFAULTS} unless told otherwise.
 */
public final class SearchBench {
  private SearchBench() {}

  public static void main(String[] args) throws IOException {
    int seeds = Integer.parseInt(option(args, "--seeds", "20"));
    int firstSeed = Integer.parseInt(option(args, "--first-seed", "0"));
    int[] budgets =
        Arrays.stream(option(args, "--budgets", "25,50,100").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    Path out = Path.of(option(args, "--out", "paddock-search.json"));
    TpeSettings defaults = TpeSettings.DEFAULTS;
    TpeSettings tpe =
        new TpeSettings(
            defaults.startupTrials(),
            Integer.parseInt(option(args, "--candidates", Integer.toString(defaults.candidates()))),
            Double.parseDouble(option(args, "--gamma", Double.toString(defaults.gamma()))),
            defaults.priorWeight(),
            defaults.constantLiar(),
            !Arrays.asList(args).contains("--univariate"));
    int maxBudget = Arrays.stream(budgets).max().orElseThrow();
    StringBuilder json = new StringBuilder("{\n");
    List<String> objectiveBlocks = new ArrayList<>();
    List<String> only =
        Arrays.asList(option(args, "--objectives", "branin,hartmann6,mixed").split(","));
    for (BenchObjectives objective : BenchObjectives.all()) {
      if (!only.contains(objective.name())) {
        continue;
      }
      List<String> samplerBlocks = new ArrayList<>();
      for (Algorithm algorithm : List.of(Algorithm.TPE, Algorithm.RANDOM)) {
        List<double[]> perSeed = new ArrayList<>();
        for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
          StudySearch search = StudySearch.of(algorithm, seed, objective.space()).withTpe(tpe);
          perSeed.add(regretsAt(search, objective, maxBudget, budgets));
        }
        samplerBlocks.add(
            samplerJson(
                algorithm == Algorithm.TPE ? "paddock-tpe" : "paddock-random", perSeed, budgets));
        System.err.printf(Locale.ROOT, "%s %s done%n", objective.name(), algorithm);
      }
      double[] grid = new double[budgets.length];
      for (int b = 0; b < budgets.length; b++) {
        grid[b] = GridBaseline.bestRegret(objective, budgets[b]);
      }
      samplerBlocks.add(samplerJson("paddock-grid", List.of(grid), budgets));
      objectiveBlocks.add(
          "  \"" + objective.name() + "\": {\n" + String.join(",\n", samplerBlocks) + "\n  }");
    }
    json.append(String.join(",\n", objectiveBlocks)).append("\n}\n");
    Files.writeString(out, json.toString());
  }

  /** Runs one sequential study and returns the best regret after each budget. */
  static double[] regretsAt(
      StudySearch search, BenchObjectives objective, int trials, int[] budgets) {
    List<TrialObservation> history = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    double[] regrets = new double[budgets.length];
    for (int i = 0; i < trials; i++) {
      Suggestion s = Sampler.suggest(search, Direction.MINIMIZE, history, 1).get(0);
      double value = objective.f().applyAsDouble(s.parameters());
      best = Math.min(best, value);
      history.add(
          TrialObservation.finished(s.index(), s.parameters(), TrialState.SUCCEEDED, value));
      for (int b = 0; b < budgets.length; b++) {
        if (budgets[b] == i + 1) {
          regrets[b] = best - objective.optimum();
        }
      }
    }
    return regrets;
  }

  private static String samplerJson(String name, List<double[]> perSeed, int[] budgets) {
    List<String> entries = new ArrayList<>();
    for (int b = 0; b < budgets.length; b++) {
      int index = b;
      String values =
          perSeed.stream()
              .map(r -> String.format(Locale.ROOT, "%.10g", r[index]))
              .reduce((x, y) -> x + ", " + y)
              .orElse("");
      entries.add("\"" + budgets[b] + "\": [" + values + "]");
    }
    return "    \"" + name + "\": {" + String.join(", ", entries) + "}";
  }

  static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
