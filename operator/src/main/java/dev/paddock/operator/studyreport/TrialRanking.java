package dev.paddock.operator.studyreport;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rankings and counts derived from a study's trials: the trials ranked best first (direction-aware,
 * ties to the lower index), the best succeeded trial, trials per state and per grade.
 */
public final class TrialRanking {
  /** The grades in report order, best first. */
  public static final List<String> GRADES = List.of("S", "A", "B", "C", "D", "F");

  private static final List<String> STATES =
      List.of(ReportTrial.SUCCEEDED, ReportTrial.PRUNED, ReportTrial.FAILED, ReportTrial.RUNNING);

  private final StudyReportData data;
  private final List<ReportTrial> ranked;

  public TrialRanking(StudyReportData data) {
    this.data = data;
    this.ranked = data.trials().stream().filter(ReportTrial::ranked).sorted(bestFirst()).toList();
  }

  /** Orders trials best objective first; equal objectives go to the lower index. */
  public Comparator<ReportTrial> bestFirst() {
    Comparator<ReportTrial> byObjective = Comparator.comparingDouble(ReportTrial::objective);
    if (data.maximize()) {
      byObjective = byObjective.reversed();
    }
    return byObjective.thenComparingLong(ReportTrial::index);
  }

  /** Succeeded and pruned trials with an objective, best first. */
  public List<ReportTrial> ranked() {
    return ranked;
  }

  /** The first {@code limit} ranked trials. */
  public List<ReportTrial> top(int limit) {
    return ranked.subList(0, Math.min(limit, ranked.size()));
  }

  /** The best succeeded trial (as the study's status names it), else the best ranked one. */
  public Optional<ReportTrial> best() {
    return ranked.stream()
        .filter(t -> ReportTrial.SUCCEEDED.equals(t.state()))
        .findFirst()
        .or(() -> ranked.stream().findFirst());
  }

  /** True when {@code a} is strictly better than {@code b} in the study's direction. */
  public boolean better(double a, double b) {
    return data.maximize() ? a > b : a < b;
  }

  /** Trials per state, the four known states first (zero counts included), then any others. */
  public Map<String, Integer> countsByState() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    STATES.forEach(state -> counts.put(state, 0));
    data.trials().forEach(t -> counts.merge(t.state(), 1, Integer::sum));
    return counts;
  }

  /** Trials per grade S..F (zero counts included); ungraded trials are not counted. */
  public Map<String, Integer> countsByGrade() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    GRADES.forEach(grade -> counts.put(grade, 0));
    data.trials().stream()
        .map(ReportTrial::grade)
        .filter(g -> g != null && counts.containsKey(g.trim().toUpperCase(java.util.Locale.ROOT)))
        .forEach(g -> counts.merge(g.trim().toUpperCase(java.util.Locale.ROOT), 1, Integer::sum));
    return counts;
  }

  /** How many trials carry no grade. */
  public long ungraded() {
    return data.trials().stream().filter(t -> t.grade() == null || t.grade().isBlank()).count();
  }
}
