package dev.paddock.operator.collector;

import dev.paddock.api.v1alpha1.MetricsCollectorFormat;
import dev.paddock.api.v1alpha1.MetricsCollectorKind;
import dev.paddock.api.v1alpha1.MetricsCollectorSpec;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.contract.metrics.MetricsFormat;
import dev.paddock.contract.metrics.MetricsParser;
import dev.paddock.contract.metrics.MetricsSpec;
import java.util.Objects;

/**
 * A study's {@code spec.trial.metricsCollector}, for the local runner and the cluster's collector:
 * push (the trainer reports), or the contract's parser over the trainer's output or a file under
 * its output directory.
 *
 * @param spec the parser's settings; null for push
 * @param path the metrics file, relative to the output directory; null unless kind file
 */
public record CollectorChoice(MetricsCollectorKind kind, MetricsSpec spec, String path) {

  public static final CollectorChoice PUSH =
      new CollectorChoice(MetricsCollectorKind.PUSH, null, null);

  /**
   * @throws IllegalArgumentException when the pattern is not a regular expression Java compiles
   */
  public static CollectorChoice of(TrainingStudy study) {
    return of(study.getSpec().trial().metricsCollector());
  }

  /**
   * @throws IllegalArgumentException when the pattern is not a regular expression Java compiles
   */
  public static CollectorChoice of(MetricsCollectorSpec collector) {
    if (collector == null || collector.kindOrDefault() == MetricsCollectorKind.PUSH) {
      return PUSH;
    }
    MetricsSpec spec =
        new MetricsSpec(
            format(collector.formatOrDefault()), collector.epochKey(), collector.pattern());
    try {
      MetricsParser.of(spec);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("spec.trial.metricsCollector.pattern: " + e.getMessage());
    }
    return new CollectorChoice(collector.kindOrDefault(), spec, collector.path());
  }

  public boolean isPush() {
    return kind == MetricsCollectorKind.PUSH;
  }

  /** The format as the manifest spells it. */
  private String formatName() {
    return spec.format() == MetricsFormat.KEY_VALUE
        ? "keyValue"
        : spec.format().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static MetricsFormat format(MetricsCollectorFormat format) {
    return switch (Objects.requireNonNull(format)) {
      case KEY_VALUE -> MetricsFormat.KEY_VALUE;
      case JSON -> MetricsFormat.JSON;
      case REGEX -> MetricsFormat.REGEX;
      case CSV -> MetricsFormat.CSV;
    };
  }

  /** How it reads, for messages: "stdout (keyValue, epoch key epoch)". */
  public String describe() {
    if (isPush()) {
      return "push";
    }
    String where = kind == MetricsCollectorKind.FILE ? "file " + path : "stdout";
    return where + " (" + formatName() + ", epoch key " + spec.epochKey() + ")";
  }
}
