package dev.paddock.operator.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Valid TrainingStudy manifests, as decoded trees, built from the schema's edges: bounds of every
 * range (maxTrials 1 and 100000, parallelism up to maxTrials, a log range starting just above 0),
 * every enum value, grids over stepped spaces, ensembles, thresholds in the objective's direction,
 * code templates over the study's own parameters and cron schedules. {@link StudyDefects} breaks
 * them.
 */
final class StudyGenerator {

  static final List<String> OBJECTIVES = List.of("val_f1", "score", "val_loss");
  static final List<String> METRICS = List.of("train_loss", "val_auc", "accuracy", "latency_ms");
  static final List<String> NAMES =
      List.of("lr", "hidden", "batch_size", "dropout", "layers", "momentum", "w2", "x");
  static final List<String> SCHEDULES =
      List.of(
          "0 2 * * 0",
          "*/15 * * * *",
          "@daily",
          "@hourly",
          "0 0 1 1 *",
          "5-10/2 1,2 * JAN MON",
          "05 23 31 dec sun",
          "59 0-23/12 1-31 jan-Dec 0-6",
          "0 0 28 Feb *");

  private StudyGenerator() {}

  /** A valid study; {@code name} is its metadata.name. */
  static Arbitrary<Map<String, Object>> studies() {
    return Combinators.combine(
            objective(), metrics(), search(), budget(), earlyStopping(), trial(), schedule())
        .as(StudyGenerator::spec)
        .flatMap(spec -> grading(spec).map(grading -> withGrading(spec, grading)))
        .map(StudyGenerator::resource);
  }

  private static Map<String, Object> spec(
      Map<String, Object> objective,
      List<String> metrics,
      Map<String, Object> search,
      Map<String, Object> budget,
      Map<String, Object> earlyStopping,
      Map<String, Object> trial,
      String schedule) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("objective", objective);
    putIfPresent(spec, "metrics", metrics.isEmpty() ? null : metrics);
    spec.put("search", search);
    spec.put("budget", budget);
    putIfPresent(spec, "earlyStopping", earlyStopping);
    spec.put("trial", trial);
    putIfPresent(spec, "schedule", schedule.isEmpty() ? null : schedule);
    return spec;
  }

  private static Map<String, Object> withGrading(
      Map<String, Object> spec, Map<String, Object> grading) {
    Map<String, Object> copy = new LinkedHashMap<>(spec);
    putIfPresent(copy, "grading", grading.isEmpty() ? null : grading);
    return copy;
  }

  private static Map<String, Object> resource(Map<String, Object> spec) {
    Map<String, Object> resource = new LinkedHashMap<>();
    resource.put("apiVersion", "paddock.dev/v1alpha1");
    resource.put("kind", "TrainingStudy");
    resource.put("metadata", new LinkedHashMap<>(Map.of("name", "study")));
    resource.put("spec", spec);
    return resource;
  }

  private static Arbitrary<Map<String, Object>> objective() {
    return Combinators.combine(
            Arbitraries.of(OBJECTIVES), Arbitraries.of("maximize", "minimize"), goal())
        .as(
            (metric, direction, goal) -> {
              Map<String, Object> objective = map("metric", metric, "direction", direction);
              putIfPresent(objective, "goal", goal);
              return objective;
            });
  }

  private static Arbitrary<Double> goal() {
    return Arbitraries.of(0.0, 0.5, 0.99, -3.25).injectNull(0.7);
  }

  private static Arbitrary<List<String>> metrics() {
    return Arbitraries.of(METRICS).list().ofMaxSize(3).uniqueElements();
  }

  private static Arbitrary<Map<String, Object>> search() {
    return Arbitraries.of("grid", "random", "tpe", "ensemble")
        .flatMap(
            algorithm ->
                Combinators.combine(
                        SpaceGenerator.parameters(algorithm.equals("grid")),
                        Arbitraries.longs().between(-5, 1L << 40).injectNull(0.3),
                        SpaceGenerator.tpe(),
                        SpaceGenerator.ensembleSize())
                    .as(
                        (parameters, seed, tpe, size) ->
                            SpaceGenerator.search(algorithm, parameters, seed, tpe, size)));
  }

  private static Arbitrary<Map<String, Object>> budget() {
    return Arbitraries.integers()
        .between(1, 100_000)
        .edgeCases(e -> e.includeOnly(1, 2, 1000, 100_000))
        .flatMap(
            maxTrials ->
                Combinators.combine(
                        Arbitraries.integers()
                            .between(1, Math.min(1000, maxTrials))
                            .injectNull(0.3),
                        Arbitraries.integers().between(0, 50).injectNull(0.5),
                        Arbitraries.of(0.0, 0.5, 12.0, 1e6).injectNull(0.6))
                    .as(
                        (parallelism, maxFailed, gpuHours) -> {
                          Map<String, Object> budget = map("maxTrials", maxTrials);
                          putIfPresent(budget, "parallelism", parallelism);
                          putIfPresent(budget, "maxFailedTrials", maxFailed);
                          putIfPresent(budget, "maxGpuHours", gpuHours);
                          return budget;
                        }));
  }

  private static Arbitrary<Map<String, Object>> earlyStopping() {
    Arbitrary<Map<String, Object>> median =
        Combinators.combine(
                Arbitraries.integers().between(1, 20), Arbitraries.integers().between(1, 20))
            .as((minTrials, startEpoch) -> map("minTrials", minTrials, "startEpoch", startEpoch));
    Arbitrary<Map<String, Object>> asha =
        Combinators.combine(
                Arbitraries.integers().between(1, 10), Arbitraries.integers().between(2, 16))
            .as((minEpochs, eta) -> map("minEpochs", minEpochs, "reductionFactor", eta));
    return Arbitraries.oneOf(
            Arbitraries.just(map("algorithm", "none")),
            median.map(m -> with(m, "algorithm", "median")),
            asha.map(a -> map("algorithm", "asha", "asha", a)))
        .injectNull(0.4);
  }

  private static Arbitrary<Map<String, Object>> trial() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 100_000).edgeCases(e -> e.includeOnly(1, 100_000)),
            Arbitraries.integers().between(0, 100).injectNull(0.5),
            Arbitraries.of(false, true))
        .as(
            (epochs, retries, sidecar) -> {
              Map<String, Object> trial = map("epochs", epochs);
              putIfPresent(trial, "maxRetries", retries);
              List<Object> containers = new ArrayList<>();
              if (sidecar) {
                containers.add(map("name", "log-shipper", "image", "busybox"));
              }
              containers.add(
                  map(
                      "name",
                      "trainer",
                      "image",
                      "paddock/trainer:0.1.0",
                      "args",
                      List.of("train")));
              trial.put("template", map("spec", map("containers", containers)));
              return trial;
            });
  }

  private static Arbitrary<String> schedule() {
    return Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.of(SCHEDULES));
  }

  private static Arbitrary<Map<String, Object>> grading(Map<String, Object> spec) {
    return GradingGenerator.grading(spec);
  }

  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(map);
    copy.put(key, value);
    return copy;
  }

  static void putIfPresent(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
