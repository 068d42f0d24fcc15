package dev.paddock.contract.metrics;

import java.util.Objects;

/**
 * What the parser looks for.
 *
 * @param format how each line is written
 * @param epochKey the key (JSON field, CSV column, regex group) holding the epoch; {@code epoch}
 *     when null
 * @param pattern the regular expression of {@link MetricsFormat#REGEX}, with named groups; {@code
 *     (?<name>...)} and Python's {@code (?P<name>...)} both work, and names may hold {@code _}
 */
public record MetricsSpec(MetricsFormat format, String epochKey, String pattern) {

  public static final String DEFAULT_EPOCH_KEY = "epoch";

  public MetricsSpec {
    Objects.requireNonNull(format, "format");
    epochKey = epochKey == null || epochKey.isBlank() ? DEFAULT_EPOCH_KEY : epochKey;
    if (format == MetricsFormat.REGEX && (pattern == null || pattern.isEmpty())) {
      throw new IllegalArgumentException("format regex needs a pattern");
    }
  }

  public static MetricsSpec of(MetricsFormat format) {
    return new MetricsSpec(format, null, null);
  }
}
