package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** One searched parameter: exactly one of float, int or categorical. */
@ValidationRule(
    value = "[has(self.float), has(self.int), has(self.categorical)].filter(x, x).size() == 1",
    messageExpression =
        "'parameter ' + self.name + ' must have exactly one of float, int or categorical'")
@ValidationRule(
    value =
        "!has(self.categorical) || self.categorical.all(c, self.categorical.exists_one(d, d =="
            + " c))",
    messageExpression = "'parameter ' + self.name + ': categorical choices must be distinct'",
    fieldPath = ".categorical")
public record ParameterSpec(
    @Required
        @Size(max = 63)
        @Pattern(Api.IDENTIFIER)
        @JsonPropertyDescription(
            "Name passed to the trainer and usable as {name} in the grading code template (lower"
                + " case letters, digits and _, starting with a letter).")
        String name,
    @JsonProperty("float") @JsonPropertyDescription("A real-valued range.") FloatRange floatRange,
    @JsonProperty("int") @JsonPropertyDescription("An integer range.") IntRange intRange,
    @Size(min = 1, max = 64)
        @JsonPropertyDescription("A list of choices, e.g. architectures such as \"512,256,128\".")
        List<@Size(max = 128) String> categorical) {}
