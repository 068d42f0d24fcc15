package dev.paddock.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every field of {@code spec.search} (a new one included) has a transition rule that names it, so a
 * field added to the search cannot silently become editable on a live study.
 */
class TransitionRulesTest {

  private static final Path CRD = Path.of("manifests", "trainingstudies.paddock.dev-v1.yml");

  @Test
  void everySearchFieldIsFixedOnALiveStudy() throws IOException {
    JSONSchemaProps search = spec().getProperties().get("search");

    assertThat(search.getProperties().keySet())
        .allSatisfy(
            field -> assertThat(messages(search)).contains("spec.search." + field + Api.IMMUTABLE));
  }

  @Test
  void theObjectiveAndEpochsAreFixedOnALiveStudy() throws IOException {
    assertThat(messages(spec().getProperties().get("objective")))
        .containsExactly(
            "spec.objective.metric" + Api.IMMUTABLE, "spec.objective.direction" + Api.IMMUTABLE);
    assertThat(messages(spec().getProperties().get("trial")))
        .contains("spec.trial.epochs" + Api.IMMUTABLE);
  }

  @Test
  void theBudgetAndTheRestMayChange() throws IOException {
    for (String field : List.of("budget", "earlyStopping", "grading", "archive", "retention")) {
      List<ValidationRule> rules = spec().getProperties().get(field).getXKubernetesValidations();
      assertThat(rules == null ? List.<ValidationRule>of() : rules)
          .as(field)
          .noneMatch(r -> r.getRule().contains("oldSelf"));
    }
  }

  private static List<String> messages(JSONSchemaProps node) {
    return node.getXKubernetesValidations().stream()
        .filter(r -> r.getRule().contains("oldSelf"))
        .map(ValidationRule::getMessage)
        .toList();
  }

  private static JSONSchemaProps spec() throws IOException {
    CustomResourceDefinition crd =
        new KubernetesSerialization()
            .unmarshal(Files.readString(CRD), CustomResourceDefinition.class);
    return crd.getSpec()
        .getVersions()
        .get(0)
        .getSchema()
        .getOpenAPIV3Schema()
        .getProperties()
        .get("spec");
  }
}
