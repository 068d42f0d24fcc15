package dev.paddock.operator.manifest;

import static dev.paddock.operator.manifest.StudyGenerator.map;
import static dev.paddock.operator.manifest.StudyGenerator.putIfPresent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Valid {@code spec.grading} blocks for a given spec: thresholds ordered by the objective's
 * direction and code templates over the placeholders the study offers. Empty: no grading block.
 */
final class GradingGenerator {

  private GradingGenerator() {}

  static Arbitrary<Map<String, Object>> grading(Map<String, Object> spec) {
    String objective = (String) objective(spec).get("metric");
    return Combinators.combine(
            Arbitraries.of("", "thresholds", "percentile"),
            Arbitraries.of("", objective, "accuracy"),
            Arbitraries.of("", "maximize", "minimize"),
            Arbitraries.of(-10.0, 0.0, 0.8, 100.0),
            Arbitraries.of(1e-6, 0.01, 0.05, 7.0),
            code(placeholders(spec)).injectNull(0.3),
            Arbitraries.of(0, 1, 2))
        .as(
            (mode, metric, direction, base, gap, code, shape) -> {
              if (shape == 0) {
                return Map.of();
              }
              Map<String, Object> grading = map();
              putIfPresent(grading, "mode", mode.isEmpty() ? null : mode);
              putIfPresent(grading, "metric", metric.isEmpty() ? null : metric);
              putIfPresent(grading, "direction", direction.isEmpty() ? null : direction);
              if (shape == 2 || mode.equals("thresholds")) {
                Map<String, Object> withSpec = new LinkedHashMap<>(spec);
                withSpec.put("grading", grading);
                grading.put("thresholds", ordered(direction(withSpec), base, gap));
              }
              putIfPresent(grading, "code", code);
              return grading;
            });
  }

  /**
   * Which way the graded metric is better: grading.direction, else the objective's when grading the
   * objective, else maximize.
   */
  @SuppressWarnings("unchecked")
  static String direction(Map<String, Object> spec) {
    Map<String, Object> objective = objective(spec);
    if (!(spec.get("grading") instanceof Map<?, ?> grading)) {
      return String.valueOf(objective.get("direction"));
    }
    if (grading.get("direction") != null) {
      return String.valueOf(grading.get("direction"));
    }
    Object metric = grading.get("metric");
    boolean separate = metric != null && !metric.equals(objective.get("metric"));
    return separate ? "maximize" : String.valueOf(objective.get("direction"));
  }

  /** S..D strictly ordered: decreasing when maximizing, increasing when minimizing. */
  static Map<String, Object> ordered(String direction, double base, double gap) {
    double sign = "minimize".equals(direction) ? -1 : 1;
    return map(
        "S", base + sign * 4 * gap,
        "A", base + sign * 3 * gap,
        "B", base + sign * 2 * gap,
        "C", base + sign * gap,
        "D", base);
  }

  private static Arbitrary<String> code(List<String> placeholders) {
    return Combinators.combine(
            Arbitraries.of("", "QS", "m1"),
            Arbitraries.of(placeholders).list().ofMinSize(1).ofMaxSize(3),
            Arbitraries.of("-", "-N", "_", ".v"),
            Arbitraries.of("", "-v2", "X"))
        .as(
            (prefix, fields, separator, suffix) -> {
              String body =
                  String.join(separator, fields.stream().map(f -> "{" + f + "}").toList());
              return prefix + (prefix.isEmpty() ? "" : "-") + body + suffix;
            });
  }

  /** What a code template of the spec may use: built-ins, parameters, an ensemble's fields. */
  @SuppressWarnings("unchecked")
  static List<String> placeholders(Map<String, Object> spec) {
    List<String> names = new ArrayList<>(List.of("grade", "date", "index", "objective"));
    Map<String, Object> search = (Map<String, Object>) spec.get("search");
    Object parameters = search.get("parameters");
    if (parameters instanceof List<?> list) {
      list.forEach(p -> names.add((String) ((Map<String, Object>) p).get("name")));
    }
    if (search.get("ensemble") instanceof Map<?, ?> ensemble) {
      Object seed = ensemble.get("seedParameter");
      names.add(seed == null ? "seed" : (String) seed);
      if (ensemble.get("parameters") instanceof Map<?, ?> fixed) {
        fixed.keySet().forEach(k -> names.add((String) k));
      }
    }
    return names;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> objective(Map<String, Object> spec) {
    return (Map<String, Object>) spec.get("objective");
  }
}
