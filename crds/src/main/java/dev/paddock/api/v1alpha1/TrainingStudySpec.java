package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** What to search, how, with what budget, and what to do with the results. */
@ValidationRule(
    value = "!has(self.metrics) || !(self.objective.metric in self.metrics)",
    message = "metrics must not repeat the objective metric (it is always kept)",
    fieldPath = ".metrics")
@ValidationRule(
    value =
        "!has(self.grading) || !has(self.grading.thresholds) || ("
            + TrainingStudySpec.GRADING_DIRECTION
            + " == 'minimize' ? (self.grading.thresholds.S < self.grading.thresholds.A &&"
            + " self.grading.thresholds.A < self.grading.thresholds.B &&"
            + " self.grading.thresholds.B < self.grading.thresholds.C &&"
            + " self.grading.thresholds.C < self.grading.thresholds.D) :"
            + " (self.grading.thresholds.S > self.grading.thresholds.A &&"
            + " self.grading.thresholds.A > self.grading.thresholds.B &&"
            + " self.grading.thresholds.B > self.grading.thresholds.C &&"
            + " self.grading.thresholds.C > self.grading.thresholds.D))",
    messageExpression =
        "'grading.thresholds must be strictly ' + ("
            + TrainingStudySpec.GRADING_DIRECTION
            + " == 'minimize' ? 'increasing from S to D, since a lower ' :"
            + " 'decreasing from S to D, since a higher ') + (has(self.grading.metric) ?"
            + " self.grading.metric : self.objective.metric) + ' is better when ' + ("
            + TrainingStudySpec.GRADING_DIRECTION
            + " == 'minimize' ? 'minimizing' : 'maximizing')",
    fieldPath = ".grading.thresholds")
@ValidationRule(
    value =
        "!has(self.grading) || !has(self.grading.code) ||"
            + " self.grading.code.findAll('[{][^}]*[}]').all(m, m in ['{grade}', '{date}',"
            + " '{index}', '{objective}'] || (has(self.search.parameters) &&"
            + " self.search.parameters.exists(p, '{' + p.name + '}' == m)) ||"
            + " (self.search.algorithm == 'ensemble' && has(self.search.ensemble) && (m == '{' + (has(self.search.ensemble.seedParameter)"
            + " ? self.search.ensemble.seedParameter : 'seed') + '}' ||"
            + " (has(self.search.ensemble.parameters) && self.search.ensemble.parameters.exists(k,"
            + " '{' + k + '}' == m)))))",
    message =
        "grading.code may only use {grade}, {date}, {index}, {objective} and"
            + " {<parameter name>} placeholders (for an ensemble: its seed and fixed parameters)",
    fieldPath = ".grading.code")
@ValidationRule(
    value = "!has(self.schedule) || self.schedule.matches('" + Cron.PATTERN + "')",
    message =
        "schedule must be a cron expression of 5 fields (minute hour day-of-month month"
            + " day-of-week, e.g. \"0 2 * * 0\") or one of @hourly, @daily, @weekly,"
            + " @monthly, @yearly",
    fieldPath = ".schedule")
public record TrainingStudySpec(
    @Required @JsonPropertyDescription("The metric to optimize and its direction.")
        Objective objective,
    @Size(max = 16)
        @JsonPropertyDescription(
            "Further metrics to keep in each trial's status (latest and best), besides the"
                + " objective.")
        List<@Pattern(Api.IDENTIFIER) @Size(max = 63) String> metrics,
    @Required @JsonPropertyDescription("The search space and the algorithm that explores it.")
        SearchSpec search,
    @Required @JsonPropertyDescription("Limits: how many trials, how many at once, failures, GPU.")
        BudgetSpec budget,
    @JsonPropertyDescription("Stop weak trials early. Absent: every trial runs all its epochs.")
        EarlyStoppingSpec earlyStopping,
    @Required @JsonPropertyDescription("How each trial runs: epochs, retries, the pod template.")
        TrialSettings trial,
    @JsonPropertyDescription("Priority and Kueue queue for the trial pods.")
        SchedulingSpec scheduling,
    @JsonPropertyDescription("Letter grades and readable codes for finished trials.")
        GradingSpec grading,
    @JsonPropertyDescription("Which trials' artifacts are archived.") ArchiveSpec archive,
    @JsonPropertyDescription("What is cleaned up, and when.") RetentionSpec retention,
    @JsonPropertyDescription("The ModelDeployment that follows this study's best model.")
        DeploySpec deploy,
    @Size(max = 128)
        @JsonPropertyDescription(
            "Re-run the study as a new generation on this cron schedule (5 fields, or @hourly,"
                + " @daily, @weekly, @monthly, @yearly), like a CronJob.")
        String schedule,
    @JsonPropertyDescription(
            "When true: no new trials start and running trials are stopped gracefully; set back"
                + " to false to resume.")
        Boolean suspend) {

  /**
   * The direction of the graded metric, as a CEL expression: grading.direction, else the
   * objective's when grading the objective, else maximize (as the operator's grader reads it).
   */
  static final String GRADING_DIRECTION =
      "(has(self.grading.direction) ? self.grading.direction : (has(self.grading.metric) &&"
          + " self.grading.metric != self.objective.metric ? 'maximize' :"
          + " self.objective.direction))";
}
