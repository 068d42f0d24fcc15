package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** Knobs of the TPE sampler, named as in Optuna's TPESampler. */
@ValidationRule(
    value = "!has(self.gamma) || (self.gamma >= 0.01 && self.gamma <= 0.99)",
    message = "tpe.gamma must be between 0.01 and 0.99",
    fieldPath = ".gamma")
@ValidationRule(
    value = "!has(self.priorWeight) || self.priorWeight >= 0.001",
    message = "tpe.priorWeight must be at least 0.001",
    fieldPath = ".priorWeight")
public record TpeSettings(
    @Min(1) @JsonPropertyDescription("Random trials before TPE takes over (default 10).")
        Integer startupTrials,
    @Min(1)
        @Max(1000)
        @JsonPropertyDescription("Candidates drawn per suggestion to maximize EI (default 24).")
        Integer candidates,
    @Min(0.01)
        @Max(0.99)
        @JsonPropertyDescription("Fraction of trials counted as good (default 0.25).")
        Double gamma,
    @Min(0.001)
        @JsonPropertyDescription("Weight of the prior in each Parzen estimator (default 1).")
        Double priorWeight,
    @JsonPropertyDescription(
            "Count running trials as if they had the worst observed value, so parallel"
                + " suggestions spread out (default true).")
        Boolean constantLiar,
    @JsonPropertyDescription(
            "Model the parameters jointly (multivariate TPE) rather than one by one (default"
                + " true).")
        Boolean multivariate) {}
