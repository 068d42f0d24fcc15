package dev.paddock.operator.search;

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
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    List<TrialObservation> own = new ArrayList<>(trials);
    own.sort(Comparator.comparingLong(TrialObservation::index));
    checkUniqueIndices(own);
    long index = own.isEmpty() ? 0 : own.get(own.size() - 1).index() + 1;
    // Canonical parameter sets tried so far, computed once and extended as the batch grows.
    List<Map<String, String>> tried = canonicalTried(search.space(), own, imported);
    Set<Map<String, String>> triedSet = new HashSet<>(tried);
    List<Suggestion> result = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Optional<Suggestion> next = next(search, direction, own, imported, tried, triedSet, index);
      if (next.isEmpty()) {
        break;
      }
      result.add(next.get());
      own.add(next.get().asRunning());
      tried.add(next.get().parameters());
      triedSet.add(next.get().parameters());
      index++;
    }
    return List.copyOf(result);
  }

  private static Optional<Suggestion> next(
      StudySearch search,
      Direction direction,
      List<TrialObservation> own,
      List<TrialObservation> imported,
      List<Map<String, String>> tried,
      Set<Map<String, String>> triedSet,
      long index) {
    if (search.ensemble() != null) {
      return EnsemblePlanner.next(search, own).map(p -> new Suggestion(index, p, "ensemble"));
    }
    Optional<Map<String, String>> warm = WarmStart.next(search, tried, index);
    if (warm.isPresent()) {
      return warm.map(p -> new Suggestion(index, p, "initial"));
    }
    return switch (search.algorithm()) {
      case GRID ->
          GridSampler.next(search.space(), triedSet).map(p -> new Suggestion(index, p, "grid"));
      case RANDOM -> Optional.of(new Suggestion(index, random(search, index), "random"));
      case TPE -> Optional.of(tpe(search, direction, own, imported, index));
    };
  }

  private static Suggestion tpe(
      StudySearch search,
      Direction direction,
      List<TrialObservation> own,
      List<TrialObservation> imported,
      long index) {
    List<TrialObservation> history = new ArrayList<>(imported);
    history.addAll(own);
    long finished =
        history.stream()
            .filter(
                t -> t.hasResult() && search.space().canonicalComplete(t.parameters()).isPresent())
            .count();
    if (finished < search.tpe().startupTrials()) {
      return new Suggestion(index, random(search, index), "startup");
    }
    TrialRandom random = TrialRandom.forTrial(search.seed(), index, TrialRandom.Purpose.TPE);
    Map<String, String> params =
        TpeSampler.suggest(search.space(), search.tpe(), direction, history, random);
    return new Suggestion(index, params, "tpe");
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

  private static List<Map<String, String>> canonicalTried(
      SearchSpace space, List<TrialObservation> own, List<TrialObservation> imported) {
    List<Map<String, String>> tried = new ArrayList<>();
    for (List<TrialObservation> list : List.of(imported, own)) {
      for (TrialObservation t : list) {
        space.canonicalComplete(t.parameters()).ifPresent(tried::add);
      }
    }
    return tried;
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
