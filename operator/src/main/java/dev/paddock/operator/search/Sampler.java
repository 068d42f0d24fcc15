package dev.paddock.operator.search;

import dev.paddock.operator.search.tpe.TpeHistory;
import dev.paddock.operator.search.tpe.TpeSampler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entry point of search: the next suggestions, as a pure function of the study's search spec,
 * the objective's direction and the trials so far.
 *
 * <p>Purity is what lets a restarted operator resume a study exactly, with no sampler state to
 * persist: the suggestion for trial index {@code k} depends only on {@code (spec, seed, k, trials)}
 * and uses a random stream derived from {@code (seed, k)}. A batch is computed one suggestion at a
 * time, each earlier one counted as a running trial, so {@code suggest(n)} equals {@code n} calls
 * of {@code suggest(1)} with the trials created in between; the order of the given list never
 * matters.
 *
 * <p>Priority: ensemble members (ensemble mode) else warm-start entries, then the algorithm.
 */
public final class Sampler {
  private Sampler() {}

  /**
   * Up to {@code count} suggestions for the next trial indices (max index + 1 onward, 0 for a new
   * study). Fewer come back when the space is exhausted (grid, ensemble).
   *
   * @param trials every trial of the study so far, in any state and any order
   */
  public static List<Suggestion> suggest(
      StudySearch search, Direction direction, List<TrialObservation> trials, int count) {
    return suggest(search, direction, trials, List.of(), count);
  }

  /**
   * As {@link #suggest(StudySearch, Direction, List, int)}, with observed results of another study
   * as extra history: TPE learns from them (they count towards its startup trials), and their
   * parameter sets count as tried. They do not take trial indices.
   */
  public static List<Suggestion> suggest(
      StudySearch search,
      Direction direction,
      List<TrialObservation> trials,
      List<TrialObservation> imported,
      int count) {
    long next = trials.stream().mapToLong(TrialObservation::index).max().orElse(-1) + 1;
    return suggest(search, direction, trials, imported, next, count);
  }

  /**
   * As {@link #suggest(StudySearch, Direction, List, List, int)}, for the indices {@code first}
   * onward: the caller has chosen the history these indices see (the study planner refills an index
   * a crash skipped from the trials below it, see {@code SuggestionBasis}).
   *
   * @param trials the history, every index below {@code first}
   */
  public static List<Suggestion> suggest(
      StudySearch search,
      Direction direction,
      List<TrialObservation> trials,
      List<TrialObservation> imported,
      long first,
      int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    List<TrialObservation> own = new ArrayList<>(trials);
    own.sort(Comparator.comparingLong(TrialObservation::index));
    checkUniqueIndices(own);
    if (!own.isEmpty() && own.get(own.size() - 1).index() >= first) {
      throw new IllegalArgumentException(
          "the history must lie below index " + first + ", has " + own.get(own.size() - 1));
    }
    long index = first;
    Batch batch = new Batch(search, own, imported);
    List<Suggestion> result = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Optional<Suggestion> next = next(search, direction, batch, index);
      if (next.isEmpty()) {
        break;
      }
      result.add(next.get());
      batch.add(next.get());
      index++;
    }
    return List.copyOf(result);
  }

  /**
   * What one call has seen so far, computed once and extended as the batch grows: the study's
   * trials, the canonical parameter sets tried and, for TPE, the history as model vectors (each
   * trial's text values parsed once per call, not once per suggestion).
   */
  private static final class Batch {
    final List<TrialObservation> own;
    final List<Map<String, String>> tried = new ArrayList<>();
    private Set<Map<String, String>> triedSet;
    final TpeHistory history;
    private final SearchSpace space;

    Batch(StudySearch search, List<TrialObservation> own, List<TrialObservation> imported) {
      this.own = own;
      this.space = search.space();
      boolean tpe = search.ensemble() == null && search.algorithm() == Algorithm.TPE;
      this.history = tpe ? new TpeHistory(space) : null;
      for (List<TrialObservation> list : List.of(imported, own)) {
        for (TrialObservation t : list) {
          Optional<Map<String, String>> canonical = space.canonicalComplete(t.parameters());
          if (canonical.isPresent()) {
            tried.add(canonical.get());
            if (history != null) {
              history.add(t, canonical.get());
            }
          }
        }
      }
    }

    /** The tried sets as a set, built on first use (grid only): hashing them all costs. */
    Set<Map<String, String>> triedSet() {
      if (triedSet == null) {
        triedSet = new HashSet<>(tried);
      }
      return triedSet;
    }

    /** Counts a suggestion of this batch as a running trial of the study. */
    void add(Suggestion suggestion) {
      TrialObservation running = suggestion.asRunning();
      own.add(running);
      tried.add(suggestion.parameters());
      if (triedSet != null) {
        triedSet.add(suggestion.parameters());
      }
      if (history != null) {
        space.canonicalComplete(running.parameters()).ifPresent(c -> history.add(running, c));
      }
    }
  }

  private static Optional<Suggestion> next(
      StudySearch search, Direction direction, Batch batch, long index) {
    if (search.ensemble() != null) {
      return EnsemblePlanner.next(search, batch.own).map(p -> new Suggestion(index, p, "ensemble"));
    }
    Optional<Map<String, String>> warm = WarmStart.next(search, batch.tried, index);
    if (warm.isPresent()) {
      return warm.map(p -> new Suggestion(index, p, "initial"));
    }
    return switch (search.algorithm()) {
      case GRID ->
          GridSampler.next(search.space(), batch.triedSet())
              .map(p -> new Suggestion(index, p, "grid"));
      case RANDOM -> Optional.of(new Suggestion(index, random(search, index), "random"));
      case TPE -> Optional.of(tpe(search, direction, batch.history, index));
    };
  }

  private static Suggestion tpe(
      StudySearch search, Direction direction, TpeHistory history, long index) {
    if (history.finished() < search.tpe().startupTrials()) {
      return new Suggestion(index, startup(search, index), "startup");
    }
    TrialRandom random = TrialRandom.forTrial(search.seed(), index, TrialRandom.Purpose.TPE);
    Map<String, String> params = TpeSampler.suggest(search.tpe(), direction, history, random);
    return new Suggestion(index, params, "tpe");
  }

  /**
   * A start-up trial of TPE: the first {@code startupTrials} indices form a Latin hypercube, so the
   * random start covers each parameter's range evenly (each of n equal slices of its prior, in
   * probability, holds exactly one start-up trial) instead of leaving gaps and clumps for TPE's
   * first model to learn from. Each parameter's order of slices is a permutation drawn from the
   * study seed alone and the position within the slice comes from the trial's own random stream, so
   * a trial's values still depend only on (seed, index). Later indices (start-up trials that
   * replace failed ones) are plain random draws.
   */
  static Map<String, String> startup(StudySearch search, long index) {
    int n = search.tpe().startupTrials();
    if (index < 0 || index >= n) {
      return random(search, index);
    }
    TrialRandom own = TrialRandom.forTrial(search.seed(), index, TrialRandom.Purpose.RANDOM);
    Map<String, String> result = new java.util.LinkedHashMap<>();
    List<ParameterSpec> parameters = search.space().parameters();
    for (int d = 0; d < parameters.size(); d++) {
      int slice = strata(search.seed(), d, n)[(int) index];
      result.put(
          parameters.get(d).name(), atQuantile(parameters.get(d), (slice + own.nextDouble()) / n));
    }
    return result;
  }

  /** The order of the n start-up slices of parameter {@code position}: a seeded shuffle. */
  private static int[] strata(long seed, int position, int n) {
    TrialRandom random = TrialRandom.forTrial(seed, position, TrialRandom.Purpose.STARTUP_STRATA);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /** The value at quantile {@code u} in [0, 1) of the parameter's prior (as {@code sample}). */
  static String atQuantile(ParameterSpec p, double u) {
    if (p instanceof CategoricalParameter c) {
      return c.choices().get(Math.min(c.choices().size() - 1, (int) (u * c.choices().size())));
    }
    boolean log = p instanceof FloatParameter f ? f.log() : p instanceof IntParameter i && i.log();
    if (p.gridSize() > 0 && !log) {
      return p.gridValue(Math.min(p.gridSize() - 1, (long) (u * p.gridSize())));
    }
    NumericParameter numeric = (NumericParameter) p;
    double low = numeric.modelLow();
    return numeric.fromModel(low + u * (numeric.modelHigh() - low));
  }

  /** Independent draws from each parameter's prior, from the trial's own random stream. */
  static Map<String, String> random(StudySearch search, long index) {
    TrialRandom random = TrialRandom.forTrial(search.seed(), index, TrialRandom.Purpose.RANDOM);
    Map<String, String> result = new java.util.LinkedHashMap<>();
    for (ParameterSpec p : search.space().parameters()) {
      result.put(p.name(), p.sample(random));
    }
    return result;
  }

  private static void checkUniqueIndices(List<TrialObservation> sorted) {
    Set<Long> seen = new HashSet<>();
    for (TrialObservation t : sorted) {
      if (!seen.add(t.index())) {
        throw new IllegalArgumentException("two trials share index " + t.index());
      }
    }
  }
}
