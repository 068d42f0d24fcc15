package dev.paddock.operator.manifest;

import static dev.paddock.operator.manifest.StudyGenerator.map;
import static dev.paddock.operator.manifest.StudyGenerator.putIfPresent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Valid {@code spec.search} blocks: parameters at their ranges' edges, TPE and ensembles. */
final class SpaceGenerator {

  static final List<String> CHOICES =
      List.of("a", "b", "32,16", "64,32", "128,64,32", "relu", "tanh", "adam", "sgd", "x-1");

  private SpaceGenerator() {}

  /** 1-4 parameters with distinct names; when {@code finite}, every float has a step. */
  static Arbitrary<List<Map<String, Object>>> parameters(boolean finite) {
    return Arbitraries.of(StudyGenerator.NAMES)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .uniqueElements()
        .flatMap(
            names ->
                Combinators.combine(names.stream().map(n -> parameter(n, finite)).toList())
                    .as(list -> list));
  }

  private static Arbitrary<Map<String, Object>> parameter(String name, boolean finite) {
    return Arbitraries.oneOf(
        floatRange(finite).map(f -> map("name", name, "float", f)),
        intRange().map(i -> map("name", name, "int", i)),
        Arbitraries.of(CHOICES)
            .list()
            .ofMinSize(1)
            .ofMaxSize(4)
            .uniqueElements()
            .map(c -> map("name", name, "categorical", c)));
  }

  private static Arbitrary<Map<String, Object>> floatRange(boolean finite) {
    return Combinators.combine(
            Arbitraries.of(-1.0, 0.0, 1e-5, 1e-3, 0.5, 1.0, 100.0),
            Arbitraries.of(1e-9, 0.25, 1.0, 99.5),
            Arbitraries.of(false, true),
            Arbitraries.of(0.001, 0.25, 1.0).injectNull(finite ? 0.0 : 0.5))
        .as(
            (min, width, log, step) -> {
              Map<String, Object> range = map("min", min, "max", min + width);
              boolean logScale = log && min > 0 && step == null;
              if (logScale) {
                range.put("log", true);
              }
              putIfPresent(range, "step", step);
              return range;
            });
  }

  private static Arbitrary<Map<String, Object>> intRange() {
    return Combinators.combine(
            Arbitraries.of(-5L, 0L, 1L, 2L, 16L, 32L, -9_007_199_254_740_992L),
            Arbitraries.of(1L, 7L, 256L),
            Arbitraries.longs().between(1, 8).injectNull(0.6),
            Arbitraries.of(false, true))
        .as(
            (min, width, step, log) -> {
              Map<String, Object> range = map("min", min, "max", min + width);
              putIfPresent(range, "step", step);
              if (log && min > 0 && (step == null || step == 1L)) {
                range.put("log", true);
              }
              return range;
            });
  }

  static Arbitrary<Map<String, Object>> tpe() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 50).injectNull(0.5),
            Arbitraries.integers().between(1, 1000).injectNull(0.5),
            Arbitraries.of(0.01, 0.25, 0.99).injectNull(0.5),
            Arbitraries.of(0.001, 1.0).injectNull(0.5))
        .as(
            (startup, candidates, gamma, prior) -> {
              Map<String, Object> tpe = new LinkedHashMap<>();
              putIfPresent(tpe, "startupTrials", startup);
              putIfPresent(tpe, "candidates", candidates);
              putIfPresent(tpe, "gamma", gamma);
              putIfPresent(tpe, "priorWeight", prior);
              return tpe;
            });
  }

  static Arbitrary<Integer> ensembleSize() {
    return Arbitraries.integers().between(2, 1000).edgeCases(e -> e.includeOnly(2, 1000));
  }

  /** {@code spec.search} for an algorithm; an ensemble fixes parameters the space does not name. */
  static Map<String, Object> search(
      String algorithm,
      List<Map<String, Object>> parameters,
      Long seed,
      Map<String, Object> tpe,
      Integer ensembleSize) {
    Map<String, Object> search = map("algorithm", algorithm);
    putIfPresent(search, "seed", seed);
    boolean ensemble = algorithm.equals("ensemble");
    if (!ensemble || ensembleSize % 2 == 0) {
      search.put("parameters", parameters);
    }
    if (algorithm.equals("tpe") && !tpe.isEmpty()) {
      search.put("tpe", tpe);
    }
    if (ensemble) {
      Map<String, Object> block = map("size", ensembleSize);
      if (ensembleSize % 3 != 0) {
        block.put("parameters", map("depth", "3", "optimizer", "adam"));
      }
      if (ensembleSize % 5 == 0) {
        block.put("seedParameter", "rng_seed");
      }
      search.put("ensemble", block);
    }
    return search;
  }
}
