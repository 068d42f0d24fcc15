package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** How finished trials are graded and named. */
@ValidationRule(
    value = "!has(self.mode) || self.mode != 'thresholds' || has(self.thresholds)",
    message = "grading mode thresholds needs grading.thresholds",
    fieldPath = ".thresholds")
@ValidationRule(
    value = "!has(self.code) || self.code.matches('^([^{}]|[{][^{}]*[}])*$')",
    message =
        "grading.code: each { must open a placeholder closed by the next }, and } must close one",
    fieldPath = ".code")
@ValidationRule(
    value = "!has(self.code) || !self.code.contains('}{')",
    message =
        "grading.code needs literal text between two placeholders, or the code cannot be read"
            + " back",
    fieldPath = ".code")
@ValidationRule(
    value = "!has(self.code) || self.code.matches('^[A-Za-z0-9{](.*[A-Za-z0-9}])?$')",
    message = "grading.code must start and end with a letter, a digit or a placeholder",
    fieldPath = ".code")
public record GradingSpec(
    @Size(max = 63)
        @Pattern(Api.IDENTIFIER)
        @JsonPropertyDescription("Metric graded (default: the objective metric).")
        String metric,
    @JsonPropertyDescription(
            "Whether a higher or lower value of metric is better (default: the objective's"
                + " direction when grading the objective, else maximize).")
        Direction direction,
    @JsonPropertyDescription(
            "thresholds (absolute values; default when thresholds are given) or percentile (S ="
                + " top 1%, A = top 10%, B = top 25%, C = top 50%, D = top 75% of the study so"
                + " far).")
        GradingMode mode,
    @JsonPropertyDescription(
            "Objective needed for each grade, strictly ordered by the objective's direction.")
        GradeThresholds thresholds,
    @Size(max = 128)
        @Pattern("^[A-Za-z0-9_.{}-]+$")
        @JsonPropertyDescription(
            "Template of the trial code, e.g. MLP-{grade}-N{hidden}B{batch_size}-L{lr}-{date}."
                + " Placeholders: {grade}, {date}, {index}, {objective}, {<parameter>}.")
        String code) {}
