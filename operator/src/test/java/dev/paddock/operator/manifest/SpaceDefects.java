package dev.paddock.operator.manifest;

import static dev.paddock.operator.manifest.Defect.at;
import static dev.paddock.operator.manifest.Defect.parameters;
import static dev.paddock.operator.manifest.StudyGenerator.map;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Defects of {@code spec.search}: ranges, names, kinds, grids, TPE and ensembles. */
final class SpaceDefects {

  private SpaceDefects() {}

  static Arbitrary<Defect> any() {
    return Arbitraries.oneOf(
        List.of(
            badFloat(),
            badInt(),
            gridOverInfiniteSpace(),
            duplicateNames(),
            badParameter(),
            badTpe(),
            badEnsemble(),
            Arbitraries.just(tooManyParameters()),
            Arbitraries.just(ensembleWithoutBlock()),
            noParameters()));
  }

  /** Adds a parameter named {@code bad_<n>}, so the rest of the space stays as it was. */
  private static Defect adding(String kind, Map<String, Object> parameter) {
    return Defect.of(
        kind,
        parameter,
        r -> {
          Map<String, Object> copy = map();
          copy.put("name", "bad_" + parameters(r).size());
          copy.putAll(parameter);
          parameters(r).add(copy);
        });
  }

  static Arbitrary<Defect> badFloat() {
    return Arbitraries.of(
            map("float", map("min", 1.0, "max", 1.0)),
            map("float", map("min", 2.5, "max", -2.5)),
            map("float", map("min", 0.0, "max", 1.0, "log", true)),
            map("float", map("min", -1.0, "max", 1.0, "log", true)),
            map("float", map("min", 0.0, "max", 1.0, "step", 0.0)),
            map("float", map("min", 0.0, "max", 1.0, "step", -0.5)),
            map("float", map("min", 0.1, "max", 1.0, "step", 0.1, "log", true)),
            map("float", map("min", 0.1)),
            map("float", map("min", "low", "max", 1.0)),
            map("float", map("min", -1e308, "max", 1e308)),
            map("float", map("min", 0.0, "max", 1.0, "step", 1e-16)))
        .map(p -> adding("bad float range", p));
  }

  static Arbitrary<Defect> badInt() {
    return Arbitraries.of(
            map("int", map("min", 3, "max", 3)),
            map("int", map("min", 8, "max", -8)),
            map("int", map("min", 0, "max", 8, "log", true)),
            map("int", map("min", -3, "max", 8, "log", true)),
            map("int", map("min", 0, "max", 8, "step", 0)),
            map("int", map("min", 1, "max", 64, "step", 2, "log", true)),
            map("int", map("min", 1.5, "max", 8)),
            map("int", map("max", 8)),
            map("int", map("min", -5_000_000_000_000_000_000L, "max", 8)),
            map("int", map("min", 0, "max", 9_007_199_254_740_993L)))
        .map(p -> adding("bad int range", p));
  }

  static Arbitrary<Defect> gridOverInfiniteSpace() {
    return Arbitraries.of(0.0, 1e-3)
        .map(
            min ->
                Defect.of(
                    "grid over an infinite space",
                    min,
                    r -> {
                      at(r, "spec.search").put("algorithm", "grid");
                      parameters(r).add(map("name", "cont", "float", map("min", min, "max", 1.0)));
                    }));
  }

  static Arbitrary<Defect> duplicateNames() {
    return Arbitraries.just(
        Defect.of(
            "duplicate parameter names",
            "",
            r -> {
              List<Object> parameters = parameters(r);
              if (parameters.isEmpty()) {
                parameters.add(map("name", "dup", "categorical", List.of("a")));
              }
              parameters.add(StudyFixture.mutable(parameters.get(0)));
            }));
  }

  static Arbitrary<Defect> badParameter() {
    return Arbitraries.of(
            map("name", "Lr", "categorical", List.of("a")),
            map("name", "1x", "categorical", List.of("a")),
            map("name", "has-dash", "categorical", List.of("a")),
            map("name", "p".repeat(64), "categorical", List.of("a")),
            map("categorical", List.of("a")),
            map("name", "none"),
            map("name", "two", "categorical", List.of("a"), "int", map("min", 0, "max", 1)),
            map("name", "empty", "categorical", List.of()),
            map("name", "twice", "categorical", List.of("a", "b", "a")),
            map("name", "long", "categorical", List.of("c".repeat(129))),
            map("name", "many", "categorical", Collections.nCopies(65, "x")))
        .map(p -> Defect.of("bad parameter", p, r -> parameters(r).add(StudyFixture.mutable(p))));
  }

  static Arbitrary<Defect> badTpe() {
    return Arbitraries.of(
            map("gamma", 0.0),
            map("gamma", 1.5),
            map("candidates", 0),
            map("candidates", 1001),
            map("startupTrials", 0),
            map("priorWeight", 0.0),
            map("constantLiar", "yes"))
        .map(tpe -> Defect.of("bad tpe settings", tpe, r -> at(r, "spec.search.tpe").putAll(tpe)));
  }

  static Arbitrary<Defect> badEnsemble() {
    return Arbitraries.of(
            map("size", 1),
            map("size", 1001),
            map("size", 3, "parameters", map("seed", "1")),
            map("size", 3, "seedParameter", "rng", "parameters", map("rng", "1")),
            map("size", 3, "seedParameter", "Seed"),
            map("parameters", map("depth", "3")))
        .map(
            ensemble ->
                Defect.of(
                    "bad ensemble",
                    ensemble,
                    r -> {
                      at(r, "spec.search").put("algorithm", "ensemble");
                      at(r, "spec.search").put("ensemble", StudyFixture.mutable(ensemble));
                    }));
  }

  static Arbitrary<Defect> noParameters() {
    return Arbitraries.of("grid", "random", "tpe")
        .flatMap(
            algorithm ->
                Arbitraries.of(
                    Defect.of(
                        "no parameters",
                        algorithm + " without parameters",
                        r -> {
                          at(r, "spec.search").put("algorithm", algorithm);
                          at(r, "spec.search").remove("parameters");
                        }),
                    Defect.of(
                        "no parameters",
                        algorithm + " with an empty list",
                        r -> {
                          at(r, "spec.search").put("algorithm", algorithm);
                          at(r, "spec.search").put("parameters", new ArrayList<>());
                        })));
  }

  static Defect ensembleWithoutBlock() {
    return Defect.of(
        "ensemble without its block",
        "",
        r -> {
          at(r, "spec.search").put("algorithm", "ensemble");
          at(r, "spec.search").remove("ensemble");
        });
  }

  /** Too many parameters: 33, each valid. */
  static Defect tooManyParameters() {
    return Defect.of(
        "too many parameters",
        33,
        r -> {
          List<Object> many = new ArrayList<>();
          for (int i = 0; i < 33; i++) {
            many.add(map("name", "p" + i, "int", map("min", 0, "max", 1)));
          }
          at(r, "spec.search").put("parameters", many);
        });
  }
}
