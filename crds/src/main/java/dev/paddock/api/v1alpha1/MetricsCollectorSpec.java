package dev.paddock.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * How a trial's per-epoch metrics are collected: pushed by the trainer (the default), or read from
 * what any training code already prints or writes, so that it runs unchanged.
 */
@ValidationRule(
    value = "!has(self.format) || (has(self.kind) && self.kind != 'push')",
    message = "spec.trial.metricsCollector.format is only for kind stdout or file",
    fieldPath = ".format")
@ValidationRule(
    value =
        "!has(self.format) || !has(self.kind) || self.kind != 'stdout' || self.format in"
            + " ['keyValue', 'json', 'regex']",
    message = "spec.trial.metricsCollector.format of kind stdout must be keyValue, json or regex",
    fieldPath = ".format")
@ValidationRule(
    value =
        "!has(self.format) || !has(self.kind) || self.kind != 'file' || self.format in ['csv',"
            + " 'json']",
    message = "spec.trial.metricsCollector.format of kind file must be csv or json",
    fieldPath = ".format")
@ValidationRule(
    value = "(has(self.format) && self.format == 'regex') == has(self.pattern)",
    message = "spec.trial.metricsCollector.pattern is required with format regex, and only then",
    fieldPath = ".pattern")
@ValidationRule(
    value =
        "!has(self.pattern) || self.pattern.contains('(?<' + (has(self.epochKey) ? self.epochKey"
            + " : 'epoch') + '>') || self.pattern.contains('(?P<' + (has(self.epochKey) ?"
            + " self.epochKey : 'epoch') + '>')",
    message =
        "spec.trial.metricsCollector.pattern must have a named group for the epoch key, e.g."
            + " (?<epoch>\\d+)",
    fieldPath = ".pattern")
@ValidationRule(
    value = "(has(self.kind) && self.kind == 'file') == has(self.path)",
    message = "spec.trial.metricsCollector.path is required with kind file, and only then",
    fieldPath = ".path")
@ValidationRule(
    value = "!has(self.path) || !self.path.matches('(^/|(^|/)[.][.](/|$))')",
    message =
        "spec.trial.metricsCollector.path must be relative to the output directory, without ..",
    fieldPath = ".path")
@ValidationRule(
    value = "!has(self.epochKey) || (has(self.kind) && self.kind != 'push')",
    message = "spec.trial.metricsCollector.epochKey is only for kind stdout or file",
    fieldPath = ".epochKey")
public record MetricsCollectorSpec(
    @JsonPropertyDescription(
            "push (default): the trainer POSTs each epoch to PADDOCK_REPORT_URL; stdout: metrics"
                + " are read from the lines the trainer prints (stdout and stderr); file: from a"
                + " file it writes under PADDOCK_OUTPUT_DIR.")
        MetricsCollectorKind kind,
    @JsonPropertyDescription(
            "stdout: keyValue (default; 'epoch=3 loss=0.41 acc=0.88'), json (one object per"
                + " line) or regex (named groups); file: csv (default; a header, then one row per"
                + " epoch, like epoch_metrics.csv) or json (JSON lines).")
        MetricsCollectorFormat format,
    @Size(max = 63)
        @Pattern("^[A-Za-z_][A-Za-z0-9_.]*$")
        @JsonPropertyDescription(
            "The key, column or named group holding the epoch, counted from 1 (default epoch)."
                + " Lines without it are not epochs (a progress bar's running loss is not"
                + " an epoch's result). A CSV without that column numbers its rows.")
        String epochKey,
    @Size(min = 1, max = 1024)
        @JsonPropertyDescription(
            "format regex: a regular expression with named groups, (?<name>...) or"
                + " (?P<name>...); each group that reads as a number is the metric of that"
                + " name.")
        String pattern,
    @Size(min = 1, max = 253)
        @JsonPropertyDescription(
            "kind file: the file's path, relative to the output directory"
                + " (PADDOCK_OUTPUT_DIR), e.g. epoch_metrics.csv.")
        String path) {

  /** The kind, push when not given. */
  public MetricsCollectorKind kindOrDefault() {
    return kind == null ? MetricsCollectorKind.PUSH : kind;
  }

  /** The format, or the kind's default (keyValue for stdout, csv for file); null for push. */
  public MetricsCollectorFormat formatOrDefault() {
    if (format != null) {
      return format;
    }
    return switch (kindOrDefault()) {
      case PUSH -> null;
      case STDOUT -> MetricsCollectorFormat.KEY_VALUE;
      case FILE -> MetricsCollectorFormat.CSV;
    };
  }
}
