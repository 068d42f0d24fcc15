package dev.paddock.operator.studyreport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One vertical axis of the parallel-coordinates chart: places a parameter's value at a height in
 * [0, 1] (0 at the bottom). Numbers go on a linear or log scale over the observed range;
 * categorical values get evenly spaced slots in sorted order (numerically when they all are
 * numbers).
 */
final class ParallelAxis {
  private static final int MAX_CATEGORY_TICKS = 12;

  private final String title;
  private final Scale scale;
  private final Map<String, Double> slots;

  private ParallelAxis(String title, Scale scale, Map<String, Double> slots) {
    this.title = title;
    this.scale = scale;
    this.slots = slots;
  }

  /** An axis for a parameter, over the values the plotted trials have. */
  static ParallelAxis of(String title, ParameterKind kind, Collection<String> values) {
    List<Double> numbers =
        values.stream().map(NumericValues::parse).filter(Objects::nonNull).toList();
    boolean numeric = kind.numeric() && !numbers.isEmpty();
    if (!numeric) {
      return categorical(title, values);
    }
    return numeric(title, numbers, kind.log() && numbers.stream().allMatch(v -> v > 0));
  }

  /** A linear axis over numbers (used for the objective). */
  static ParallelAxis numeric(String title, List<Double> numbers, boolean log) {
    double min = numbers.stream().mapToDouble(d -> d).min().orElse(0);
    double max = numbers.stream().mapToDouble(d -> d).max().orElse(1);
    Scale scale = log ? Scale.log(min, max, 0, 1, 0.04) : Scale.linear(min, max, 0, 1, 0.04);
    return new ParallelAxis(title, scale, null);
  }

  private static ParallelAxis categorical(String title, Collection<String> values) {
    TreeSet<String> distinct = new TreeSet<>(categoryOrder(values));
    distinct.addAll(values.stream().filter(Objects::nonNull).toList());
    Map<String, Double> slots = new LinkedHashMap<>();
    int i = 0;
    for (String value : distinct) {
      slots.put(value, distinct.size() == 1 ? 0.5 : (i + 0.5) / distinct.size());
      i++;
    }
    return new ParallelAxis(title, null, slots);
  }

  private static Comparator<String> categoryOrder(Collection<String> values) {
    boolean allNumbers = values.stream().allMatch(v -> NumericValues.parse(v) != null);
    if (allNumbers) {
      return Comparator.comparingDouble((String v) -> NumericValues.parse(v))
          .thenComparing(Comparator.naturalOrder());
    }
    return Comparator.naturalOrder();
  }

  String title() {
    return title;
  }

  /** The height in [0, 1] of a value, or NaN when the value cannot be placed. */
  double position(String value) {
    if (value == null) {
      return Double.NaN;
    }
    if (slots != null) {
      return slots.getOrDefault(value, Double.NaN);
    }
    Double number = NumericValues.parse(value);
    return number == null ? Double.NaN : scale.map(number);
  }

  /** The height of a number on a numeric axis. */
  double position(double value) {
    return scale == null ? Double.NaN : scale.map(value);
  }

  /** Tick labels and their heights. */
  List<Map.Entry<String, Double>> ticks() {
    List<Map.Entry<String, Double>> ticks = new ArrayList<>();
    if (slots != null) {
      int every = Math.max(1, (int) Math.ceil(slots.size() / (double) MAX_CATEGORY_TICKS));
      int i = 0;
      for (Map.Entry<String, Double> slot : slots.entrySet()) {
        if (i++ % every == 0) {
          ticks.add(Map.entry(slot.getKey(), slot.getValue()));
        }
      }
      return ticks;
    }
    for (double tick : scale.ticks()) {
      double at = scale.map(tick);
      if (at >= -1e-9 && at <= 1 + 1e-9) {
        ticks.add(Map.entry(Numbers.format(tick), at));
      }
    }
    return ticks;
  }
}
