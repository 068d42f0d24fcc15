package dev.paddock.operator.search.tpe;

import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.SearchSpace;
import dev.paddock.operator.search.TpeSettings;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.search.TrialRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Tree-structured Parzen Estimator (Bergstra et al. 2011), after Optuna's {@code TPESampler}:
 * split the trials into good and bad, fit a Parzen estimator to each, draw candidates from the good
 * one and keep the candidate with the highest l(x) / g(x), the expected-improvement maximizer.
 *
 * <p>It is a pure function: the caller passes every trial (running ones included) and a generator
 * derived from the trial index; nothing is remembered between calls.
 */
public final class TpeSampler {

  private TpeSampler() {}

  /**
   * The parameters for one new trial.
   *
   * @param trials imported history first, then the study's trials by index (ages follow this order)
   */
  public static Map<String, String> suggest(
      SearchSpace space,
      TpeSettings settings,
      Direction direction,
      List<TrialObservation> trials,
      TrialRandom random) {
    TpeHistory history = new TpeHistory(space);
    for (TrialObservation t : trials) {
      space.canonicalComplete(t.parameters()).ifPresent(values -> history.add(t, values));
    }
    return suggest(settings, direction, history, random);
  }

  /**
   * The parameters for one new trial, from a history already converted to model vectors.
   *
   * @param history imported history first, then the study's trials by index
   */
  public static Map<String, String> suggest(
      TpeSettings settings, Direction direction, TpeHistory history, TrialRandom random) {
    List<Dimension> dims = history.dims();
    ObservationSplit split =
        ObservationSplit.of(
            history.observed(), direction, settings.gamma(), settings.constantLiar());
    double[] best;
    if (settings.multivariate()) {
      best = bestCandidate(split, dims, allDims(dims.size()), settings, random);
    } else {
      best = new double[dims.size()];
      for (int d = 0; d < dims.size(); d++) {
        best[d] = bestCandidate(split, dims, new int[] {d}, settings, random)[0];
      }
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (int d = 0; d < dims.size(); d++) {
      result.put(dims.get(d).parameter().name(), dims.get(d).fromModel(best[d]));
    }
    return result;
  }

  private static int[] allDims(int n) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return all;
  }

  /** Draws candidates from l over {@code which} dimensions and returns the best, snapped. */
  private static double[] bestCandidate(
      ObservationSplit split,
      List<Dimension> allDims,
      int[] which,
      TpeSettings settings,
      TrialRandom random) {
    List<Dimension> dims = new ArrayList<>();
    for (int d : which) {
      dims.add(allDims.get(d));
    }
    ParzenEstimator below = new ParzenEstimator(split.below(), which, dims, settings.priorWeight());
    ParzenEstimator above = new ParzenEstimator(split.above(), which, dims, settings.priorWeight());
    double[] best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < settings.candidates(); c++) {
      double[] x = snap(below.sample(random), dims);
      double[][] bins = bins(x, dims);
      double score = below.logDensity(x, bins[0], bins[1]) - above.logDensity(x, bins[0], bins[1]);
      if (best == null || score > bestScore) {
        best = x;
        bestScore = score;
      }
    }
    return best;
  }

  /** Moves a raw draw onto a value the trial can really get (step grid, rounding, clamp). */
  private static double[] snap(double[] x, List<Dimension> dims) {
    double[] snapped = new double[x.length];
    for (int d = 0; d < x.length; d++) {
      Dimension dim = dims.get(d);
      snapped[d] = dim.categorical() ? x[d] : dim.toModel(dim.fromModel(x[d]));
    }
    return snapped;
  }

  private static double[][] bins(double[] x, List<Dimension> dims) {
    double[] low = new double[x.length];
    double[] high = new double[x.length];
    for (int d = 0; d < x.length; d++) {
      if (dims.get(d).discrete()) {
        double[] bin = dims.get(d).numeric().modelBin(x[d]);
        low[d] = bin[0];
        high[d] = bin[1];
      }
    }
    return new double[][] {low, high};
  }
}
