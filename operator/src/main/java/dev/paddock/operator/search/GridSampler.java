package dev.paddock.operator.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the full product of the parameters' values in a stable order: the first listed parameter
 * varies slowest, each parameter's values ascend (or follow the listed choices). The next
 * suggestion is the first grid point no trial has tried, so warm-start entries are not repeated and
 * a finished grid yields nothing.
 */
final class GridSampler {
  private GridSampler() {}

  static Optional<Map<String, String>> next(SearchSpace space, Set<Map<String, String>> tried) {
    List<ParameterSpec> params = space.parameters();
    long[] sizes = params.stream().mapToLong(ParameterSpec::gridSize).toArray();
    long[] digits = new long[params.size()];
    while (true) {
      Map<String, String> point = pointAt(params, digits);
      if (!tried.contains(point)) {
        return Optional.of(point);
      }
      if (!increment(digits, sizes)) {
        return Optional.empty();
      }
    }
  }

  /** The grid point at a position given as mixed-radix digits (last parameter fastest). */
  static Map<String, String> pointAt(List<ParameterSpec> params, long[] digits) {
    Map<String, String> point = new LinkedHashMap<>();
    for (int i = 0; i < params.size(); i++) {
      point.put(params.get(i).name(), params.get(i).gridValue(digits[i]));
    }
    return point;
  }

  private static boolean increment(long[] digits, long[] sizes) {
    for (int i = digits.length - 1; i >= 0; i--) {
      digits[i]++;
      if (digits[i] < sizes[i]) {
        return true;
      }
      digits[i] = 0;
    }
    return false;
  }
}
