package dev.paddock.operator.manifest;

import static dev.paddock.operator.manifest.StudyGenerator.map;
import static dev.paddock.operator.manifest.StudyGenerator.putIfPresent;

import java.util.ArrayList;
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
    String direction = (String) objective(spec).get("direction");
    return Combinators.combine(
            Arbitraries.of("", "thresholds", "percentile"),
            thresholds(direction).injectNull(0.4),
            code(placeholders(spec)).injectNull(0.3),
            Arbitraries.of(false, true))
        .as(
            (mode, thresholds, code, present) -> {
              if (!present) {
                return Map.of();
              }
              Map<String, Object> grading = map();
              putIfPresent(grading, "mode", mode.isEmpty() ? null : mode);
              boolean needed = mode.equals("thresholds");
              putIfPresent(
                  grading,
                  "thresholds",
                  needed && thresholds == null ? ordered(direction, 0.5, 0.1) : thresholds);
              putIfPresent(grading, "code", code);
              return grading;
            });
  }

  private static Arbitrary<Map<String, Object>> thresholds(String direction) {
    return Combinators.combine(
            Arbitraries.of(-10.0, 0.0, 0.8, 100.0), Arbitraries.of(1e-6, 0.01, 0.05, 7.0))
        .as((base, gap) -> ordered(direction, base, gap));
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
