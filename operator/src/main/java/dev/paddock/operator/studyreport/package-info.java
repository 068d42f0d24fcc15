/**
 * The study report: {@code report.html} (one self-contained page: inline CSS and SVG, no scripts,
 * no external resources) and {@code report.md} with the same content, its plots written beside it
 * as SVG files.
 *
 * <p>Entry point: {@link dev.paddock.operator.studyreport.StudyReport#write}, given a {@link
 * dev.paddock.operator.studyreport.StudyReportData} of plain values (no Kubernetes types), so the
 * local runner and the operator can both produce it. The report has a summary, the ten best trials
 * (direction-aware; succeeded and pruned trials with an objective, ties to the lower index), the
 * grade distribution, parameter importance, and three plots: objective per trial with the running
 * best, learning curves of the five best trials, and parallel coordinates colored by objective. All
 * user text (names, codes, categorical values) is escaped for HTML, SVG and Markdown.
 *
 * <p><b>Parameter importance</b> ({@link dev.paddock.operator.studyreport.ParameterImportance}) is
 * a one-way analysis of variance per parameter, an "fANOVA-lite": each parameter splits the trials
 * into groups (one per value for a categorical parameter; for a numeric one up to {@code
 * clamp(round(sqrt(n)), 2, 5)} quantile bins, equal values always in the same bin; quantile bins
 * are invariant under the log transform, so log parameters are binned in log space as well), and
 * the parameter scores the chance-corrected share of the objective's variance the groups explain,
 * epsilon squared {@code (SS_between - (k - 1) * MS_within) / SS_total} clamped at 0. Scores are
 * normalized to sum to 1. A constant parameter scores 0; one whose every trial has its own value
 * cannot be judged and scores 0; with fewer than three trials the report says "not enough trials".
 * It sees one parameter at a time, not interactions.
 */
package dev.paddock.operator.studyreport;
