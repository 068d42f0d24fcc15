package dev.paddock.operator.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code spec.search}, validated: the input a sampler needs besides the observed trials.
 *
 * @param initial warm-start parameter sets (possibly partial), tried first in the listed order;
 *     stored canonicalized
 * @param tpe TPE settings (defaults when null)
 * @param ensemble when set, the study repeats one parameter set over seeds and {@code algorithm} is
 *     not used
 */
public record StudySearch(
    Algorithm algorithm,
    long seed,
    SearchSpace space,
    List<Map<String, String>> initial,
    TpeSettings tpe,
    EnsembleSettings ensemble) {

  public StudySearch {
    Objects.requireNonNull(algorithm, "search.algorithm");
    Objects.requireNonNull(space, "search.parameters");
    tpe = Objects.requireNonNullElse(tpe, TpeSettings.DEFAULTS);
    initial = canonicalInitial(space, Objects.requireNonNullElse(initial, List.of()));
    if (ensemble == null && space.parameters().isEmpty()) {
      throw new IllegalArgumentException("search.parameters must list at least one parameter");
    }
    if (ensemble == null && algorithm == Algorithm.GRID && !space.isFinite()) {
      String continuous =
          space.parameters().stream()
              .filter(p -> p.gridSize() < 0)
              .map(ParameterSpec::name)
              .toList()
              .toString();
      throw new IllegalArgumentException(
          "grid search needs a finite space: give a step to the continuous floats " + continuous);
    }
    if (ensemble != null) {
      // Fixed values of declared parameters must lie inside them; undeclared ones pass as given.
      ensemble.parameters().forEach((k, v) -> space.parameter(k).ifPresent(p -> p.canonical(v)));
    }
  }

  /** A search with no warm start and no ensemble. */
  public static StudySearch of(Algorithm algorithm, long seed, SearchSpace space) {
    return new StudySearch(algorithm, seed, space, List.of(), TpeSettings.DEFAULTS, null);
  }

  public StudySearch withInitial(List<Map<String, String>> entries) {
    return new StudySearch(algorithm, seed, space, entries, tpe, ensemble);
  }

  public StudySearch withTpe(TpeSettings settings) {
    return new StudySearch(algorithm, seed, space, initial, settings, ensemble);
  }

  public StudySearch withEnsemble(EnsembleSettings settings) {
    return new StudySearch(algorithm, seed, space, initial, tpe, settings);
  }

  public StudySearch withSeed(long newSeed) {
    return new StudySearch(algorithm, newSeed, space, initial, tpe, ensemble);
  }

  private static List<Map<String, String>> canonicalInitial(
      SearchSpace space, List<Map<String, String>> entries) {
    List<Map<String, String>> result = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      try {
        result.add(Map.copyOf(space.canonical(entries.get(i))));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("search.initial[" + i + "]: " + e.getMessage(), e);
      }
    }
    return List.copyOf(result);
  }
}
