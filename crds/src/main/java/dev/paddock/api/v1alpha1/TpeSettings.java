package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** Knobs of the TPE sampler, named as in Optuna's TPESampler, meaning and defaulting as there. */
@ValidationRule(
    value = "!has(self.gamma) || (self.gamma >= 0.01 && self.gamma <= 0.99)",
    message = "tpe.gamma must be between 0.01 and 0.99",
    fieldPath = ".gamma")
@ValidationRule(
    value = "!has(self.priorWeight) || self.priorWeight >= 0.001",
    message = "tpe.priorWeight must be at least 0.001",
    fieldPath = ".priorWeight")
public record TpeSettings(
    @Min(1)
        @JsonPropertyDescription(
            "Finished trials before TPE takes over; until then trials are random, the first ones"
                + " spread as a Latin hypercube (Optuna's n_startup_trials, default 10).")
        Integer startupTrials,
    @Min(1)
        @Max(1000)
        @JsonPropertyDescription(
            "Candidates drawn per suggestion to maximize EI (Optuna's n_ei_candidates, default"
                + " 24).")
        Integer candidates,
    @Min(0.01)
        @Max(0.99)
        @JsonPropertyDescription(
            "Of the n finished trials, the best min(ceil(gamma * n), 25) are counted as good"
                + " (Optuna's default gamma rule; default 0.1, as Optuna's).")
        Double gamma,
    @Min(0.001)
        @JsonPropertyDescription(
            "Weight of the prior in each Parzen estimator (Optuna's prior_weight, default 1).")
        Double priorWeight,
    @JsonPropertyDescription(
            "Count running trials as if they had the worst observed value, so parallel"
                + " suggestions spread out (default true).")
        Boolean constantLiar,
    @JsonPropertyDescription(
            "Model the parameters jointly (multivariate TPE) rather than one by one (default"
                + " true).")
        Boolean multivariate) {}
