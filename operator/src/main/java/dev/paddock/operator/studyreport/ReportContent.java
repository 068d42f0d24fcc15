package dev.paddock.operator.studyreport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The report's text, independent of the output format: summary facts and tables of plain, unescaped
 * text that the Markdown and HTML writers escape and lay out.
 */
public final class ReportContent {
  /** How many trials the best-trials table lists. */
  public static final int TOP = 10;

  private final StudyReportData data;
  private final TrialRanking ranking;
  private final ParameterImportance.Result importance;

  public ReportContent(StudyReportData data) {
    this.data = data;
    this.ranking = new TrialRanking(data);
    this.importance = ParameterImportance.compute(data.parameters(), ranking.ranked());
  }

  public StudyReportData data() {
    return data;
  }

  public TrialRanking ranking() {
    return ranking;
  }

  public ParameterImportance.Result importance() {
    return importance;
  }

  /** The study's summary as (label, value) rows. */
  public TextTable summary() {
    List<List<String>> rows = new ArrayList<>();
    String where = data.namespace() == null ? data.study() : data.namespace() + "/" + data.study();
    rows.add(List.of("Study", where));
    String message = data.phaseMessage() == null ? "" : " — " + data.phaseMessage();
    rows.add(List.of("Phase", data.phase() + message));
    String goal = data.goal() == null ? "" : ", goal " + Numbers.format(data.goal());
    rows.add(List.of("Objective", data.objectiveMetric() + " (" + data.direction() + goal + ")"));
    rows.add(List.of("Trials", data.trials().size() + " — " + stateCounts()));
    Optional<ReportTrial> best = ranking.best();
    rows.add(List.of("Best trial", best.map(ReportContent::bestTrial).orElse("none yet")));
    best.ifPresent(t -> rows.add(List.of("Best parameters", parameterText(t))));
    rows.add(List.of("Duration", duration()));
    if (!data.archivedCodes().isEmpty()) {
      rows.add(List.of("Archived", String.join(", ", data.archivedCodes())));
    }
    if (data.archiveMessage() != null) {
      rows.add(List.of("Archive skipped", data.archiveMessage()));
    }
    data.deployedSlots().forEach((slot, code) -> rows.add(List.of("Slot " + slot, code)));
    return new TextTable(List.of("", ""), rows, Set.of());
  }

  private String stateCounts() {
    List<String> parts = new ArrayList<>();
    ranking.countsByState().forEach((state, n) -> parts.add(n + " " + state.toLowerCase()));
    return String.join(", ", parts);
  }

  private static String bestTrial(ReportTrial t) {
    String code = t.code() == null ? "" : " · " + t.code();
    String grade = t.grade() == null ? "" : " · grade " + t.grade();
    return t.name() + code + grade + " · objective " + Numbers.format(t.objective(), 6);
  }

  private String duration() {
    if (data.started() == null) {
      return "unknown";
    }
    if (data.finished() == null) {
      return "still running (started " + data.started() + ")";
    }
    return Numbers.duration(Duration.between(data.started(), data.finished()))
        + " ("
        + data.started()
        + " to "
        + data.finished()
        + ")";
  }

  /** The parameters of a trial as {@code name=value; ...}, in the space's order. */
  public String parameterText(ReportTrial t) {
    List<String> parts = new ArrayList<>();
    for (String name : parameterNames(t)) {
      parts.add(name + "=" + t.parameters().get(name));
    }
    return String.join("; ", parts);
  }

  private List<String> parameterNames(ReportTrial t) {
    List<String> names = new ArrayList<>(data.parameters().keySet());
    t.parameters().keySet().stream().filter(n -> !names.contains(n)).sorted().forEach(names::add);
    return names.stream().filter(t.parameters()::containsKey).toList();
  }

  /** The top {@link #TOP} trials by objective, one column per parameter. */
  public TextTable bestTrials() {
    List<String> header = new ArrayList<>(List.of("Rank", "Trial", "Code", "Grade", "Objective"));
    header.addAll(data.parameters().keySet());
    header.add("State");
    List<List<String>> rows = new ArrayList<>();
    int rank = 1;
    for (ReportTrial t : ranking.top(TOP)) {
      List<String> row = new ArrayList<>();
      row.add(String.valueOf(rank++));
      row.addAll(List.of(text(t.name()), text(t.code()), text(t.grade())));
      row.add(Numbers.format(t.objective(), 6));
      data.parameters().keySet().forEach(p -> row.add(text(t.parameters().get(p))));
      row.add(t.state());
      rows.add(row);
    }
    return new TextTable(header, rows, Set.of(0, 4));
  }

  /** Counts per grade, S to F, and ungraded. */
  public TextTable grades() {
    List<List<String>> rows = new ArrayList<>();
    int graded = ranking.countsByGrade().values().stream().mapToInt(Integer::intValue).sum();
    for (Map.Entry<String, Integer> e : ranking.countsByGrade().entrySet()) {
      double share = graded == 0 ? 0 : (double) e.getValue() / graded;
      rows.add(List.of(e.getKey(), String.valueOf(e.getValue()), Numbers.percent(share)));
    }
    rows.add(List.of("ungraded", String.valueOf(ranking.ungraded()), ""));
    return new TextTable(List.of("Grade", "Trials", "Share of graded"), rows, Set.of(1, 2));
  }

  /** Importance per parameter, most important first. */
  public TextTable importanceTable() {
    List<List<String>> rows = new ArrayList<>();
    for (ParameterImportance.Entry e : importance.entries()) {
      String explained =
          e.status() == ParameterImportance.Status.OK ? Numbers.percent(e.explained()) : "—";
      rows.add(
          List.of(
              e.parameter(),
              e.kind() == null ? "" : e.kind().label(),
              String.valueOf(e.groups()),
              explained,
              Numbers.percent(e.share()),
              note(e.status())));
    }
    return new TextTable(
        List.of("Parameter", "Kind", "Groups", "Variance explained", "Importance", "Note"),
        rows,
        Set.of(2, 3, 4));
  }

  private static String note(ParameterImportance.Status status) {
    return switch (status) {
      case OK -> "";
      case CONSTANT -> "constant: every trial has the same value";
      case ONE_TRIAL_PER_GROUP -> "every trial has its own value: cannot be judged";
      case NO_VALUES -> "no trial has a value";
    };
  }

  /** Every trial in index order, with its reason. */
  public TextTable allTrials() {
    List<List<String>> rows = new ArrayList<>();
    List<ReportTrial> byIndex =
        data.trials().stream().sorted(Comparator.comparingLong(ReportTrial::index)).toList();
    for (ReportTrial t : byIndex) {
      rows.add(
          List.of(
              String.valueOf(t.index()),
              t.name(),
              t.state(),
              Numbers.format(t.objective(), 6),
              text(t.grade()),
              text(t.code()),
              t.seconds() == null ? "—" : Numbers.duration(Duration.ofSeconds(t.seconds())),
              text(t.reason())));
    }
    return new TextTable(
        List.of("#", "Trial", "State", "Objective", "Grade", "Code", "Time", "Reason"),
        rows,
        Set.of(0, 3, 6));
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? "—" : value;
  }
}
