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
