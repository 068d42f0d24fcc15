package dev.paddock.operator.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CEL rule behaviours the Paddock CRDs do not all exercise, on a CRD made for the purpose. */
class CustomRulesTest {

  private static ManifestValidator validator;
  private static ResourceSchema widget;

  @BeforeAll
  static void loadTheWidgetCrd() throws Exception {
    try (InputStream in = CustomRulesTest.class.getResourceAsStream("/manifest/widgets-crd.yaml")) {
      validator = new ManifestValidator(CrdCatalog.of(List.of(CrdCatalog.parse(in))));
    }
    widget = validator.catalog().find("example.dev/v1", "Widget").orElseThrow();
  }

  private static List<String> errors(Map<String, Object> spec) {
    return validator.validate(widget(spec), widget).stream().map(FieldError::message).toList();
  }

  /** The errors of the transition rules when a widget's spec changes from {@code old}. */
  private static List<String> transitionErrors(Map<String, Object> old, Map<String, Object> spec) {
    return validator.validateTransition(widget(spec), widget(old), widget).stream()
        .map(FieldError::message)
        .toList();
  }

  private static Map<String, Object> widget(Map<String, Object> spec) {
    return StructuralPruner.asObject(
        (Map<?, ?>)
            StudyFixture.mutable(
                Map.of(
                    "apiVersion",
                    "example.dev/v1",
                    "kind",
                    "Widget",
                    "metadata",
                    Map.of("name", "w"),
                    "spec",
                    spec)));
  }

  @Test
  void aValidWidgetPasses() {
    assertThat(errors(Map.of("goal", 1.5, "count", 12L))).isEmpty();
  }

  @Test
  void anIntegerWrittenForANumberIsADoubleInCel() {
    assertThat(errors(Map.of("goal", 2L))).isEmpty();
  }

  @Test
  void aMessageExpressionIsEvaluatedAndReportedAtTheFieldPath() {
    assertThat(errors(Map.of("count", 5L)))
        .containsExactly("spec.count: Invalid value: \"object\": count must be at least 10, got 5");
  }

  @Test
  void aMessageExpressionThatFailsFallsBackToTheMessage() {
    assertThat(errors(Map.of("count", 17L - 10L)))
        .contains(
            "spec.count: Invalid value: \"object\": count must be at least 10, got 7",
            "spec: Invalid value: \"object\": seven is not allowed");
  }

  @Test
  void aRuleWithoutAMessageQuotesTheRule() {
    assertThat(errors(Map.of("count", 8L)))
        .contains(
            "spec: Invalid value: \"object\": failed rule: !has(self.count) || self.count != 8");
  }

  @Test
  void aReasonChangesTheKindOfError() {
    assertThat(errors(Map.of("count", 9L))).contains("spec: Forbidden: nine is forbidden");
  }

  @Test
  void aTransitionRuleIsSkippedOnCreate() {
    assertThat(errors(Map.of("previous", 1L))).isEmpty();
  }

  @Test
  void aTransitionRuleSeesTheOldValueOnUpdate() {
    assertThat(transitionErrors(Map.of("previous", 1L), Map.of("previous", 2L)))
        .containsExactly("spec: Invalid value: \"object\": previous is immutable");
    assertThat(transitionErrors(Map.of("previous", 1L), Map.of("previous", 1L))).isEmpty();
  }

  @Test
  void anUpdateChecksOnlyTheTransitionRules() {
    assertThat(transitionErrors(Map.of("count", 5L), Map.of("count", 5L))).isEmpty();
  }

  @Test
  void itemsOfAListMapCorrelateByKeyNotByIndex() {
    List<Map<String, Object>> old =
        List.of(Map.of("name", "a", "size", 5L), Map.of("name", "b", "size", 3L));
    List<Map<String, Object>> parts =
        List.of(
            Map.of("name", "b", "size", 3L),
            Map.of("name", "a", "size", 4L),
            Map.of("name", "c", "size", 1L));

    assertThat(transitionErrors(Map.of("parts", old), Map.of("parts", parts)))
        .containsExactly("spec.parts[1]: Invalid value: \"object\": a part may not shrink");
  }

  @Test
  void aRuleThatErrorsAtRuntimeIsReportedAsTheServerWordsIt() {
    assertThat(errors(Map.of("labels", Map.of("abc", "x"))))
        .containsExactly(
            "spec: Invalid value: \"object\": division by zero evaluating rule: label keys divide");
  }

  @Test
  void aRuleOnMapValuesNamesTheEntryWithBrackets() {
    assertThat(errors(Map.of("labels", Map.of("tier", "bad"))))
        .containsExactly("spec.labels[tier]: Invalid value: \"string\": no bad labels");
  }

  @Test
  void defaultsAreFilledIn() {
    Map<String, Object> resource =
        StructuralPruner.asObject(
            (Map<?, ?>)
                StudyFixture.mutable(
                    Map.of("apiVersion", "example.dev/v1", "kind", "Widget", "spec", Map.of())));

    validator.validate(resource, widget);

    assertThat(StructuralPruner.asObject((Map<?, ?>) resource.get("spec")))
        .containsEntry("size", 3L);
  }

  @Test
  void aMissingNameIsRequiredAndBlocksTheRules() {
    Map<String, Object> resource =
        StructuralPruner.asObject(
            (Map<?, ?>)
                StudyFixture.mutable(
                    Map.of(
                        "apiVersion",
                        "example.dev/v1",
                        "kind",
                        "Widget",
                        "spec",
                        Map.of("count", 1L))));

    assertThat(validator.validate(resource, widget).stream().map(FieldError::message))
        .containsExactly(
            "metadata.name: Required value: name or generateName is required",
            "<nil>: Invalid value: \"null\": " + ManifestValidator.RULES_NOT_CHECKED);
  }

  @Test
  void anIntegerIsComparedWithABoundConvertedAsGoConvertsIt() {
    assertThat(ValueConstraints.goInt64(0.99)).isZero();
    assertThat(ValueConstraints.goInt64(-9007199254740992.0)).isEqualTo(-9007199254740992L);
    assertThat(ValueConstraints.goInt64(1e300)).isEqualTo(Long.MIN_VALUE);
    assertThat(ValueConstraints.goInt64(-1e300)).isEqualTo(Long.MIN_VALUE);
    assertThat(ValueConstraints.goInt64(0x1p63)).isEqualTo(Long.MIN_VALUE);
  }
}
