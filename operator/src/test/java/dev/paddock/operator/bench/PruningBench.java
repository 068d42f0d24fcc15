package dev.paddock.operator.bench;

import dev.paddock.operator.pruning.EarlyStopping;
import dev.paddock.operator.pruning.Pruner;
import dev.paddock.operator.search.CurvePoint;
import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.Objective;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.search.TrialRandom;
import dev.paddock.operator.search.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Early stopping on synthetic learning curves with known final values: {@code trials} trials of
 * {@code epochs} epochs, {@code parallel} at a time, each epoch reported to the pruner. A curve is
 * {@code final * (1 - exp(-epoch / tau))} plus noise, with tau varying so curves cross. Prints the
 * share of epochs saved and the regret of the best finished trial against running all to the end.
 */
public final class PruningBench {
  private static final Objective ACCURACY = new Objective("val_acc", Direction.MAXIMIZE);

  private PruningBench() {}

  public static void main(String[] args) {
    int seeds = Integer.parseInt(SearchBench.option(args, "--seeds", "20"));
    int trials = Integer.parseInt(SearchBench.option(args, "--trials", "100"));
    int epochs = Integer.parseInt(SearchBench.option(args, "--epochs", "100"));
    int parallel = Integer.parseInt(SearchBench.option(args, "--parallel", "8"));
    System.out.printf(
        Locale.ROOT,
        "%n### Early stopping: %d trials x %d epochs, %d in parallel, %d seeds (mean over seeds)%n%n",
        trials,
        epochs,
        parallel,
        seeds);
    System.out.println(
        "| rule | epochs saved | relative regret of final best | worst seed regret |");
    System.out.println("|---|---|---|---|");
    Map<String, EarlyStopping> rules =
        new java.util.LinkedHashMap<>(
            Map.of(
                "median (minTrials 5, startEpoch 10)", EarlyStopping.median(5, 10),
                "asha (minEpochs 1, eta 3)", EarlyStopping.asha(1, 3),
                "asha (minEpochs 4, eta 3)", EarlyStopping.asha(4, 3)));
    for (Map.Entry<String, EarlyStopping> rule : rules.entrySet()) {
      double saved = 0;
      double regret = 0;
      double worst = 0;
      for (int seed = 0; seed < seeds; seed++) {
        double[] r = simulate(rule.getValue(), seed, trials, epochs, parallel);
        saved += r[0] / seeds;
        regret += r[1] / seeds;
        worst = Math.max(worst, r[1]);
      }
      System.out.printf(
          Locale.ROOT,
          "| %s | %.1f%% | %.2f%% | %.2f%% |%n",
          rule.getKey(),
          100 * saved,
          100 * regret,
          100 * worst);
    }
  }

  /** Returns {share of epochs saved, relative regret of the best finished trial}. */
  static double[] simulate(EarlyStopping rule, long seed, int trials, int epochs, int parallel) {
    TrialRandom random = TrialRandom.seeded(seed);
    double[][] curves = new double[trials][epochs + 1];
    double bestFinal = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < trials; t++) {
      double finalValue = random.nextDouble(0.5, 0.95);
      double tau = random.nextDouble(2, 25);
      for (int e = 1; e <= epochs; e++) {
        curves[t][e] = finalValue * (1 - Math.exp(-e / tau)) + 0.005 * random.nextGaussian();
      }
      bestFinal = Math.max(bestFinal, curves[t][epochs]);
    }
    List<List<CurvePoint>> seen = new ArrayList<>();
    TrialState[] states = new TrialState[trials];
    int started = 0;
    int used = 0;
    List<Integer> running = new ArrayList<>();
    while (started < trials || !running.isEmpty()) {
      while (running.size() < parallel && started < trials) {
        seen.add(new ArrayList<>());
        states[started] = TrialState.RUNNING;
        running.add(started++);
      }
      for (int t : List.copyOf(running)) {
        int e = seen.get(t).size() + 1;
        seen.get(t).add(new CurvePoint(e, curves[t][e]));
        used++;
        List<TrialObservation> study = observations(seen, states);
        boolean stop = Pruner.decide(rule, ACCURACY, study.get(t), study, epochs).shouldStop();
        if (stop || e == epochs) {
          states[t] = stop ? TrialState.PRUNED : TrialState.SUCCEEDED;
          running.remove(Integer.valueOf(t));
        }
      }
    }
    double bestFinished = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < trials; t++) {
      if (states[t] == TrialState.SUCCEEDED) {
        bestFinished = Math.max(bestFinished, curves[t][epochs]);
      }
    }
    return new double[] {
      1 - used / (double) (trials * epochs), (bestFinal - bestFinished) / bestFinal
    };
  }

  private static List<TrialObservation> observations(
      List<List<CurvePoint>> seen, TrialState[] states) {
    List<TrialObservation> list = new ArrayList<>(seen.size());
    for (int t = 0; t < seen.size(); t++) {
      List<CurvePoint> c = seen.get(t);
      Double last = c.isEmpty() ? null : c.get(c.size() - 1).value();
      list.add(new TrialObservation(t, Map.of(), states[t], last, c));
    }
    return list;
  }
}
