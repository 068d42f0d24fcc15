package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/** The search space and the algorithm that explores it. */
@ValidationRule(
    value = "self.algorithm == 'ensemble' || (has(self.parameters) && size(self.parameters) > 0)",
    message = "search.parameters needs at least one parameter (only an ensemble may have none)",
    fieldPath = ".parameters")
@ValidationRule(
    value =
        "!has(self.parameters) || self.parameters.all(p, self.parameters.filter(q, q.name =="
            + " p.name).size() == 1)",
    message = "parameter names must be unique",
    fieldPath = ".parameters")
@ValidationRule(
    value =
        "self.algorithm != 'grid' || self.parameters.all(p, !has(p.float) || has(p.float.step))",
    message = "grid search needs a finite space: every float parameter needs a step",
    fieldPath = ".parameters")
@ValidationRule(
    value = "self.algorithm != 'ensemble' || has(self.ensemble)",
    message = "algorithm ensemble needs an ensemble block (size and fixed parameters)",
    fieldPath = ".ensemble")
public record SearchSpec(
    @Required
        @JsonPropertyDescription(
            "grid (every combination, in a stable order), random (seeded), tpe (Tree-structured"
                + " Parzen Estimator) or ensemble (one parameter set over several seeds).")
        SearchAlgorithm algorithm,
    @JsonPropertyDescription(
            "Seed of the sampler: the same seed and the same observed trials always give the same"
                + " suggestions.")
        Long seed,
    @Size(max = 32)
        @JsonPropertyDescription(
            "The parameters to search, each a float, int or categorical (at least one, except"
                + " for an ensemble).")
        List<ParameterSpec> parameters,
    @Size(max = 64)
        @JsonPropertyDescription(
            "Known parameter sets to try first (warm start), as name: value maps; a name that"
                + " is not a parameter fails the study with a condition that names it.")
        List<Map<String, String>> initial,
    @Size(max = 8)
        @JsonPropertyDescription(
            "Names of other studies in this namespace whose finished trials count as observed"
                + " history for this study's sampler.")
        List<@Size(max = 253) String> historyFrom,
    @JsonPropertyDescription("Tuning of the TPE sampler; the defaults suit most studies.")
        TpeSettings tpe,
    @JsonPropertyDescription("For algorithm ensemble: the fixed parameter set and how many seeds.")
        EnsembleSpec ensemble) {}
