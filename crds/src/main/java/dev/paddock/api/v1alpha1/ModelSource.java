package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Exactly one of: a study whose best archived model is followed, or a pinned model. */
@ValidationRule(
    value = "has(self.study) != has(self.model)",
    message = "source needs exactly one of study or model")
public record ModelSource(
    @Size(max = 253)
        @Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
        @JsonPropertyDescription(
            "TrainingStudy in this namespace whose best archived model to serve.")
        String study,
    @JsonPropertyDescription("A pinned model.") PinnedModel model) {}
