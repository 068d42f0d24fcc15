package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/** One parameter set repeated over several seeds, for an estimate of the spread. */
@ValidationRule(
    value =
        "!has(self.parameters) || !((has(self.seedParameter) ? self.seedParameter : 'seed') in"
            + " self.parameters)",
    message = "ensemble.parameters must not set the seed parameter (each member gets its own seed)",
    fieldPath = ".parameters")
public record EnsembleSpec(
    @Required @Min(2) @Max(1000) @JsonPropertyDescription("Number of members (seeds).")
        Integer size,
    @Size(max = 32) @JsonPropertyDescription("The fixed parameter values shared by every member.")
        Map<String, @Size(max = 256) String> parameters,
    @Pattern(Api.IDENTIFIER)
        @Size(max = 63)
        @JsonPropertyDescription(
            "Name of the parameter that carries each member's seed (default seed).")
        String seedParameter) {}
