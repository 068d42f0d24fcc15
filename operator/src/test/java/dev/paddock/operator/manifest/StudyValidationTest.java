package dev.paddock.operator.manifest;

import static dev.paddock.operator.manifest.StudyFixture.quickstart;
import static dev.paddock.operator.manifest.StudyFixture.refusal;
import static dev.paddock.operator.manifest.StudyFixture.with;
import static dev.paddock.operator.manifest.StudyFixture.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The TrainingStudy CRD's schema and rules, one defect at a time, in the server's words. */
class StudyValidationTest {

  private static final String NOT_CHECKED =
      "<nil>: Invalid value: \"null\": some validation rules were not checked because the object"
          + " was invalid; correct the existing errors to complete validation";

  @Test
  void theQuickstartIsValid() {
    assertThat(refusal(quickstart())).isNull();
  }

  @Nested
  class Types {

    @Test
    void aStringForAnIntegerIsATypeErrorAndTheRulesAreNotChecked() {
      assertThat(refusal(with(quickstart(), "spec.budget.maxTrials", "ten")))
          .isEqualTo(
              "TrainingStudy.paddock.dev \"quickstart\" is invalid: [spec.budget.maxTrials:"
                  + " Invalid value: \"string\": spec.budget.maxTrials in body must be of type"
                  + " integer: \"string\", "
                  + NOT_CHECKED
                  + "]");
    }

    @Test
    void aFractionForAnIntegerIsANumber() {
      assertThat(refusal(with(quickstart(), "spec.trial.epochs", 2.5)))
          .contains(
              "spec.trial.epochs: Invalid value: \"number\": spec.trial.epochs in body must be of"
                  + " type integer: \"number\"");
    }

    @Test
    void anIntegralFloatIsAnIntegerAsOnTheWire() {
      String yaml = StudyFixture.text().replace("epochs: 10", "epochs: 10.0");

      assertThat(Manifests.read(yaml, "study.yaml").getMetadata().getName())
          .isEqualTo("quickstart");
    }

    @Test
    void anIntegerForANumberIsAccepted() {
      assertThat(refusal(with(quickstart(), "spec.objective.goal", 1L))).isNull();
    }

    @Test
    void anObjectForAStringNamesItsFieldsUnknownAsStrictDecodingDoes() {
      assertThat(refusal(with(quickstart(), "spec.objective.metric", Map.of("name", "f1"))))
          .isEqualTo(
              "TrainingStudy in version \"v1alpha1\" cannot be handled as a TrainingStudy: strict"
                  + " decoding error: unknown field \"spec.objective.metric.name\"");
    }

    @Test
    void aYamlBooleanWordIsABoolean() {
      String yaml = StudyFixture.text().replace("direction: maximize", "direction: yes");

      assertThat(refusal(StructuralPruner.asObject((Map<?, ?>) ManifestYaml.parse(yaml, "s"))))
          .contains(
              "spec.objective.direction: Invalid value: \"boolean\": spec.objective.direction in"
                  + " body must be of type string: \"boolean\"",
              "spec.objective.direction: Unsupported value: true: supported values: \"maximize\","
                  + " \"minimize\"");
    }
  }

  @Nested
  class UnknownFields {

    @Test
    void aTypoInTheSpecIsRefusedAsKubectlsStrictValidationRefusesIt() {
      assertThat(refusal(with(quickstart(), "spec.budgte", Map.of("maxTrials", 3L))))
          .isEqualTo(
              "TrainingStudy in version \"v1alpha1\" cannot be handled as a TrainingStudy: strict"
                  + " decoding error: unknown field \"spec.budgte\"");
    }

    @Test
    void everyUnknownFieldIsNamedMetadataFirstThenSorted() {
      Map<String, Object> study = with(quickstart(), "spec.search.parameters[1].choices", "x");
      with(study, "spec.budget.max", 3L);
      with(study, "metadata.labelz", Map.of());

      assertThat(refusal(study))
          .endsWith(
              "strict decoding error: unknown field \"metadata.labelz\", unknown field"
                  + " \"spec.budget.max\", unknown field \"spec.search.parameters[1].choices\"");
    }

    @Test
    void thePodTemplateKeepsWhatKubernetesPodsHave() {
      Map<String, Object> study =
          with(quickstart(), "spec.trial.template.spec.nodeSelector", Map.of("gpu", "a100"));
      with(study, "spec.trial.template.spec.containers[0].env", List.of(Map.of("name", "A")));

      assertThat(refusal(study)).isNull();
    }

    @Test
    void statusIsDroppedOnCreateAsASubresource() {
      Map<String, Object> study = with(quickstart(), "status", Map.of("phase", "Running"));

      assertThat(refusal(study)).isNull();
      assertThat(study).doesNotContainKey("status");
    }
  }

  @Nested
  class NestedPaths {

    @Test
    void anItemOfAListInAList() {
      List<Object> choices = new ArrayList<>(List.of("32,16", 64L));
      assertThat(refusal(with(quickstart(), "spec.search.parameters[1].categorical", choices)))
          .contains(
              "spec.search.parameters[1].categorical[1]: Invalid value: \"integer\":"
                  + " spec.search.parameters[1].categorical[1] in body must be of type string:"
                  + " \"integer\"");
    }

    @Test
    void anEntryOfAMapIsNamedWithADot() {
      Map<String, Object> study = with(quickstart(), "spec.search.algorithm", "ensemble");
      with(study, "spec.search.ensemble", ensemble(Map.of("hidden", "x".repeat(300))));

      assertThat(refusal(study))
          .contains(
              "spec.search.ensemble.parameters.hidden: Too long: may not be more than 256 bytes");
    }

    @Test
    void tooManyItemsAndProperties() {
      Map<String, Object> parameters = new LinkedHashMap<>();
      IntStream.range(0, 33).forEach(i -> parameters.put("p" + i, "1"));
      Map<String, Object> study = with(quickstart(), "spec.search.algorithm", "ensemble");
      with(study, "spec.search.ensemble", ensemble(parameters));
      with(
          study, "spec.metrics", IntStream.range(0, 17).mapToObj(i -> (Object) ("m" + i)).toList());

      assertThat(refusal(study))
          .contains(
              "spec.search.ensemble.parameters: Too many: 33: must have at most 32 items",
              "spec.metrics: Too many: 17: must have at most 16 items");
    }

    @Test
    void aNullInAListIsATypeErrorWhileANullFieldIsLeftOut() {
      List<Object> metrics = new ArrayList<>();
      metrics.add(null);
      Map<String, Object> study = with(quickstart(), "spec.metrics", metrics);
      with(study, "spec.archive", null);

      assertThat(refusal(study))
          .contains(
              "spec.metrics[0]: Invalid value: \"null\": spec.metrics[0] in body must be of type"
                  + " string: \"null\"")
          .doesNotContain("spec.archive");
    }

    @Test
    void aNullRequiredFieldIsMissing() {
      assertThat(refusal(with(quickstart(), "spec.budget", null)))
          .contains("spec.budget: Required value");
    }

    private Map<String, Object> ensemble(Map<String, Object> parameters) {
      return new LinkedHashMap<>(Map.of("size", 3L, "parameters", new LinkedHashMap<>(parameters)));
    }
  }

  @Nested
  class Rules {

    @Test
    void aRuleReportsAtItsFieldPathWithTheNodesType() {
      assertThat(refusal(with(quickstart(), "spec.budget.parallelism", 20L)))
          .isEqualTo(
              "TrainingStudy.paddock.dev \"quickstart\" is invalid: spec.budget.parallelism:"
                  + " Invalid value: \"object\": budget.parallelism must not exceed"
                  + " budget.maxTrials");
    }

    @Test
    void aMessageExpressionIsEvaluated() {
      Map<String, Object> study = with(quickstart(), "spec.objective.direction", "minimize");
      without(study, "spec.objective.goal");

      assertThat(refusal(study))
          .endsWith(
              "spec.grading.thresholds: Invalid value: \"object\": grading.thresholds must be"
                  + " strictly increasing from S to D, since a lower val_f1 is better when"
                  + " minimizing");
    }

    @Test
    void aRuleThatFailsToEvaluateSaysWhy() {
      Map<String, Object> study = with(quickstart(), "spec.search.algorithm", "grid");
      without(study, "spec.search.parameters");
      without(study, "spec.grading");

      assertThat(refusal(study))
          .isEqualTo(
              "TrainingStudy.paddock.dev \"quickstart\" is invalid: [spec.search.parameters:"
                  + " Invalid value: \"object\": search.parameters needs at least one parameter"
                  + " (only an ensemble may have none), spec.search: Invalid value: \"object\": no"
                  + " such key: parameters evaluating rule: grid search needs a finite space:"
                  + " every float parameter needs a step]");
    }

    @Test
    void numbersAreTypedByTheSchemaForTheRules() {
      Map<String, Object> thresholds = new LinkedHashMap<>();
      thresholds.putAll(Map.of("S", 1L, "A", 0.95, "B", 0.92, "C", 0.88, "D", 0.8));

      assertThat(refusal(with(quickstart(), "spec.grading.thresholds", thresholds))).isNull();
    }

    @Test
    void aNameThatIsNotADnsSubdomainIsRefused() {
      assertThat(refusal(with(quickstart(), "metadata.name", "Quick_Start")))
          .contains(
              "metadata.name: Invalid value: \"Quick_Start\": a lowercase RFC 1123 subdomain"
                  + " must consist of lower case alphanumeric characters, '-' or '.', and must"
                  + " start and end with an alphanumeric character (e.g. 'example.com', regex"
                  + " used for validation is"
                  + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    }
  }
}
