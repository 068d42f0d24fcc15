package dev.paddock.operator.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The operator's root log level from {@code PADDOCK_LOG_LEVEL} (the Helm chart's {@code
 * operator.logLevel}). The operator logs through SLF4J to slf4j-simple, which reads its default
 * level from a system property when the first logger is made; the operator sets that property first
 * thing at start-up. A level given to the JVM ({@code -Dorg.slf4j.simpleLogger.defaultLogLevel},
 * e.g. in the chart's {@code javaOptions}) wins.
 */
final class OperatorLogLevel {

  static final String VARIABLE = "PADDOCK_LOG_LEVEL";
  static final String PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";
  private static final List<String> LEVELS = List.of("error", "warn", "info", "debug", "trace");

  private OperatorLogLevel() {}

  /**
   * Sets the level named in {@code env} as the backend's default in {@code system}.
   *
   * @throws IllegalArgumentException when the variable names no level
   */
  static void apply(Map<String, String> env, Properties system) {
    String value = env.get(VARIABLE);
    if (value == null || value.isBlank() || system.getProperty(PROPERTY) != null) {
      return;
    }
    String level = value.strip().toLowerCase(Locale.ROOT);
    if (!LEVELS.contains(level)) {
      throw new IllegalArgumentException(
          VARIABLE + " must be error, warn, info, debug or trace, not " + value.strip());
    }
    system.setProperty(PROPERTY, level);
  }
}
