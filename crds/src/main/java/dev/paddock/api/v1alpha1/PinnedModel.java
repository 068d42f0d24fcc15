package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A model named by its archive URI or its trial code. */
@ValidationRule(
    value = "has(self.uri) || has(self.code)",
    message = "a pinned model needs a uri or a code")
public record PinnedModel(
    @Size(max = 1024)
        @Pattern("^(s3|file)://.+")
        @JsonPropertyDescription("s3://bucket/prefix/ or file:///path/ of an archived model.")
        String uri,
    @Size(max = 63) @JsonPropertyDescription("Trial code of an archived model.") String code) {}
