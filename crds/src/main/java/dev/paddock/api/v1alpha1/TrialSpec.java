package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/** The trial's place in its study and its parameters; immutable once created. */
@ValidationRule(value = "self == oldSelf", message = "a trial's spec is immutable")
public record TrialSpec(
    @Required @Size(max = 253) @JsonPropertyDescription("Name of the owning TrainingStudy.")
        String study,
    @Required @Min(0) @JsonPropertyDescription("Position of the trial in its study, from 0.")
        Integer index,
    @Required @Min(1) @JsonPropertyDescription("Epochs to train.") Integer epochs,
    @Required
        @Size(max = 64)
        @JsonPropertyDescription("Parameter values, as strings, passed in PADDOCK_PARAMS.")
        Map<String, @Size(max = 256) String> parameters) {}
