package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/**
 * The search space and the algorithm that explores it. All of it is fixed once the study exists: a
 * sampler is a pure function of (spec, seed, observed trials), so any change would give trials of
 * another study the same indices; each field has its own transition rule, so the refusal names it.
 */
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
@ValidationRule(
    value = "self.algorithm == oldSelf.algorithm",
    message = "spec.search.algorithm" + Api.IMMUTABLE,
    fieldPath = ".algorithm")
@ValidationRule(
    value = "has(self.seed) == has(oldSelf.seed) && (!has(self.seed) || self.seed == oldSelf.seed)",
    message = "spec.search.seed" + Api.IMMUTABLE,
    fieldPath = ".seed")
@ValidationRule(
    value =
        "has(self.parameters) == has(oldSelf.parameters) && (!has(self.parameters) || self.parameters == oldSelf.parameters)",
    message = "spec.search.parameters" + Api.IMMUTABLE,
    fieldPath = ".parameters")
@ValidationRule(
    value =
        "has(self.initial) == has(oldSelf.initial) && (!has(self.initial) || self.initial == oldSelf.initial)",
    message = "spec.search.initial" + Api.IMMUTABLE,
    fieldPath = ".initial")
@ValidationRule(
    value =
        "has(self.historyFrom) == has(oldSelf.historyFrom) && (!has(self.historyFrom) || self.historyFrom == oldSelf.historyFrom)",
    message = "spec.search.historyFrom" + Api.IMMUTABLE,
    fieldPath = ".historyFrom")
@ValidationRule(
    value = "has(self.tpe) == has(oldSelf.tpe) && (!has(self.tpe) || self.tpe == oldSelf.tpe)",
    message = "spec.search.tpe" + Api.IMMUTABLE,
    fieldPath = ".tpe")
@ValidationRule(
    value =
        "has(self.ensemble) == has(oldSelf.ensemble) && (!has(self.ensemble) || self.ensemble == oldSelf.ensemble)",
    message = "spec.search.ensemble" + Api.IMMUTABLE,
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
