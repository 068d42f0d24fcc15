package dev.paddock.operator.manifest;

import static dev.paddock.operator.manifest.StudyFixture.quickstart;
import static dev.paddock.operator.manifest.StudyFixture.refusal;
import static dev.paddock.operator.manifest.StudyFixture.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CEL rules of spec.trial.metricsCollector accept every valid shape of a trainer that names its
 * command, and refuse each one without it (the invalid corpus proves the other refusals, and
 * CrdValidationIT proves both match the API server's).
 */
class MetricsCollectorRulesTest {

  static java.util.List<Map<String, Object>> validCollectors() {
    return java.util.List.of(
        Map.of(),
        Map.of("kind", "push"),
        Map.of("kind", "stdout"),
        Map.of("kind", "stdout", "format", "keyValue", "epochKey", "step"),
        Map.of("kind", "stdout", "format", "json"),
        Map.of(
            "kind",
            "stdout",
            "format",
            "regex",
            "pattern",
            "Epoch (?P<epoch>\\d+) loss=(?<loss>\\S+)"),
        Map.of(
            "kind",
            "stdout",
            "format",
            "regex",
            "epochKey",
            "ep",
            "pattern",
            "(?<ep>\\d+) (?<val_f1>\\S+)"),
        Map.of("kind", "file", "path", "epoch_metrics.csv"),
        Map.of("kind", "file", "format", "json", "path", "logs/metrics..jsonl"),
        Map.of("kind", "file", "format", "csv", "path", "./out/epoch_metrics.csv"));
  }

  @ParameterizedTest
  @MethodSource("validCollectors")
  void isAccepted(Map<String, Object> collector) {
    assertThat(refusal(with(commanded(), "spec.trial.metricsCollector", collector))).isNull();
  }

  @ParameterizedTest
  @MethodSource("validCollectors")
  void needsTheTrainersCommand(Map<String, Object> collector) {
    assertThat(refusal(with(quickstart(), "spec.trial.metricsCollector", collector)))
        .contains("spec.trial.template.spec.containers")
        .contains("needs the trainer container's command");
  }

  /** The quickstart with its trainer's entrypoint spelled out, as a collected study needs. */
  private static Map<String, Object> commanded() {
    return with(
        quickstart(),
        "spec.trial.template.spec.containers[0].command",
        java.util.List.of("paddock-trainer"));
  }
}
