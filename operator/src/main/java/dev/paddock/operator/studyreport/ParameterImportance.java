package dev.paddock.operator.studyreport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parameter importance as the share of the objective's variance that a parameter explains on its
 * own: a one-way analysis of variance per parameter ("fANOVA-lite").
 *
 * <p>Over the ranked trials (succeeded or pruned, with an objective), each parameter splits the
 * trials into groups: one group per value for a categorical parameter, and for a numeric one up to
 * {@code clamp(round(sqrt(n)), 2, 5)} quantile bins (equal values always share a bin, so ties never
 * split; quantiles only depend on the order of values, so log parameters bin the same in log space
 * as in linear space). The parameter's score is the chance-corrected eta squared, epsilon squared
 * {@code (SS_between - (k - 1) * MS_within) / SS_total}, clamped at zero, and the scores are then
 * normalized to sum to 1. A constant parameter (one group) scores zero; a parameter whose every
 * trial is its own group cannot be judged; with fewer than {@value #MIN_TRIALS} trials there is no
 * ranking at all.
 */
public final class ParameterImportance {
  /** The fewest ranked trials for which importance is computed. */
  public static final int MIN_TRIALS = 3;

  private static final int MAX_BINS = 5;

  /** The method in words, as the report states it. */
  public static final String METHOD =
      "Importance is a one-way analysis of variance per parameter (an \"fANOVA-lite\"): over the"
          + " succeeded and pruned trials, each parameter splits the trials into groups, one per"
          + " value for a categorical parameter and up to clamp(round(sqrt(n)), 2, 5) quantile bins"
          + " for a numeric one (equal values share a bin; quantile bins are the same in log space,"
          + " so log-scale parameters are binned by order of magnitude too). Its score is the share"
          + " of the objective's variance explained by the groups, corrected for chance (epsilon"
          + " squared: (SS_between - (k - 1) * MS_within) / SS_total, at least 0), and the scores"
          + " are normalized to sum to 100%. It looks at one parameter at a time: interactions"
          + " and parameters that matter only together are not seen, and with few trials it is a"
          + " rough guide.";

  /** How far a parameter could be judged. */
  public enum Status {
    OK,
    CONSTANT,
    ONE_TRIAL_PER_GROUP,
    NO_VALUES
  }

  /**
   * One parameter's result.
   *
   * @param parameter the parameter's name
   * @param kind its kind
   * @param groups how many groups (values or bins) the trials fell into
   * @param explained epsilon squared: the share of variance explained, corrected for chance
   * @param share the normalized importance; all shares sum to 1 unless every score is zero
   * @param status whether the parameter could be judged
   */
  public record Entry(
      String parameter,
      ParameterKind kind,
      int groups,
      double explained,
      double share,
      Status status) {}

  /**
   * The result: entries most important first, or none with a reason.
   *
   * @param trials how many trials were used
   * @param entries one per parameter, highest share first (ties in the space's order)
   * @param notEnoughTrials true when fewer than {@link #MIN_TRIALS} trials had an objective
   */
  public record Result(int trials, List<Entry> entries, boolean notEnoughTrials) {}

  private ParameterImportance() {}

  /** Computes the importance of every parameter over the trials that have an objective. */
  public static Result compute(Map<String, ParameterKind> parameters, List<ReportTrial> trials) {
    List<ReportTrial> usable = trials.stream().filter(ReportTrial::hasObjective).toList();
    if (usable.size() < MIN_TRIALS) {
      return new Result(usable.size(), List.of(), true);
    }
    List<Entry> raw = new ArrayList<>();
    parameters.forEach((name, kind) -> raw.add(score(name, kind, usable)));
    double total = raw.stream().mapToDouble(Entry::explained).sum();
    List<Entry> normalized = new ArrayList<>();
    for (Entry e : raw) {
      double share = total > 0 ? e.explained() / total : 0;
      normalized.add(
          new Entry(e.parameter(), e.kind(), e.groups(), e.explained(), share, e.status()));
    }
    normalized.sort(Comparator.comparingDouble(Entry::share).reversed());
    return new Result(usable.size(), List.copyOf(normalized), false);
  }

  private static Entry score(String name, ParameterKind kind, List<ReportTrial> trials) {
    List<List<Double>> groups = group(name, kind, trials);
    int n = groups.stream().mapToInt(List::size).sum();
    int k = groups.size();
    if (n == 0) {
      return new Entry(name, kind, 0, 0, 0, Status.NO_VALUES);
    }
    if (k == 1) {
      return new Entry(name, kind, 1, 0, 0, Status.CONSTANT);
    }
    if (n <= k) {
      return new Entry(name, kind, k, 0, 0, Status.ONE_TRIAL_PER_GROUP);
    }
    return new Entry(name, kind, k, epsilonSquared(groups, n, k), 0, Status.OK);
  }

  /** {@code (SS_between - (k - 1) * MS_within) / SS_total}, clamped to [0, 1]. */
  static double epsilonSquared(List<List<Double>> groups, int n, int k) {
    double mean = groups.stream().flatMap(List::stream).mapToDouble(d -> d).sum() / n;
    double between = 0;
    double within = 0;
    for (List<Double> group : groups) {
      double groupMean = group.stream().mapToDouble(d -> d).average().orElse(0);
      between += group.size() * square(groupMean - mean);
      for (double value : group) {
        within += square(value - groupMean);
      }
    }
    double total = between + within;
    if (total <= 0) {
      return 0;
    }
    double msWithin = within / (n - k);
    double epsilon = (between - (k - 1) * msWithin) / total;
    return Math.max(0, Math.min(1, epsilon));
  }

  /** The objectives of the trials that have this parameter, grouped by value or bin. */
  static List<List<Double>> group(String name, ParameterKind kind, List<ReportTrial> trials) {
    if (kind.numeric()) {
      return numericGroups(name, trials);
    }
    Map<String, List<Double>> byValue = new TreeMap<>();
    for (ReportTrial t : trials) {
      String value = t.parameters().get(name);
      if (value != null) {
        byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(t.objective());
      }
    }
    return List.copyOf(byValue.values());
  }

  private static List<List<Double>> numericGroups(String name, List<ReportTrial> trials) {
    TreeMap<Double, List<Double>> byValue = new TreeMap<>();
    for (ReportTrial t : trials) {
      Double value = NumericValues.parse(t.parameters().get(name));
      if (value != null) {
        byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(t.objective());
      }
    }
    int n = byValue.values().stream().mapToInt(List::size).sum();
    int bins = Math.min(byValue.size(), binCount(n));
    TreeMap<Integer, List<Double>> byBin = new TreeMap<>();
    int rank = 0;
    for (List<Double> sameValue : byValue.values()) {
      int bin = bins == 0 ? 0 : (int) ((long) rank * bins / n);
      byBin.computeIfAbsent(bin, b -> new ArrayList<>()).addAll(sameValue);
      rank += sameValue.size();
    }
    return List.copyOf(byBin.values());
  }

  /** {@code clamp(round(sqrt(n)), 2, 5)} quantile bins for {@code n} trials. */
  static int binCount(int n) {
    return (int) Math.max(2, Math.min(MAX_BINS, Math.round(Math.sqrt(n))));
  }

  private static double square(double x) {
    return x * x;
  }
}
