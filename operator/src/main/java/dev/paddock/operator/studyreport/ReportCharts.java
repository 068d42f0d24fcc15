package dev.paddock.operator.studyreport;

/**
 * The report's charts as standalone SVG documents.
 *
 * @param objective objective per trial with the running best
 * @param curves learning curves of the top trials
 * @param parallel parallel coordinates of parameters and objective
 * @param grades grade distribution bars
 */
public record ReportCharts(String objective, String curves, String parallel, String grades) {
  /** The file names the Markdown report links to. */
  public static final String OBJECTIVE_FILE = "objective.svg";

  public static final String CURVES_FILE = "curves.svg";
  public static final String PARALLEL_FILE = "parallel.svg";
  public static final String GRADES_FILE = "grades.svg";

  /** Renders every chart of a report. */
  public static ReportCharts render(ReportContent content) {
    StudyReportData data = content.data();
    TrialRanking ranking = content.ranking();
    return new ReportCharts(
        ObjectiveChart.render(data),
        LearningCurvesChart.render(data, ranking),
        ParallelCoordinatesChart.render(data, ranking),
        GradeChart.render(ranking.countsByGrade()));
  }
}
