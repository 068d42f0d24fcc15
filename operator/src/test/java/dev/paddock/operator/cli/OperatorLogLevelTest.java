package dev.paddock.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** PADDOCK_LOG_LEVEL (the chart's operator.logLevel) sets the operator's root log level. */
class OperatorLogLevelTest {

  private static final String PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

  @Test
  void theOperatorSetsItsLogLevelBeforeAnythingElse() {
    Properties system = new Properties();
    OperatorCommand command = new OperatorCommand(Map.of("PADDOCK_LOG_LEVEL", "debug"), system);

    // No cluster settings: the operator stops at them, after setting its log level.
    assertThatThrownBy(command::call).hasMessageContaining("PADDOCK_REPORT_KEY must be set");
    assertThat(system.getProperty(PROPERTY)).isEqualTo("debug");
  }

  @Test
  void aLevelIsReadWhateverItsCase() {
    Properties system = new Properties();

    OperatorLogLevel.apply(Map.of("PADDOCK_LOG_LEVEL", " WARN "), system);

    assertThat(system.getProperty(PROPERTY)).isEqualTo("warn");
  }

  @Test
  void withoutTheVariableTheBackendsDefaultStays() {
    Properties system = new Properties();

    OperatorLogLevel.apply(Map.of(), system);

    assertThat(system.getProperty(PROPERTY)).isNull();
  }

  @Test
  void aLevelGivenToTheJvmWins() {
    Properties system = new Properties();
    system.setProperty(PROPERTY, "error");

    OperatorLogLevel.apply(Map.of("PADDOCK_LOG_LEVEL", "debug"), system);

    assertThat(system.getProperty(PROPERTY)).isEqualTo("error");
  }

  @Test
  void anUnknownLevelStopsTheOperatorWithTheLevelsItKnows() {
    assertThatThrownBy(
            () -> OperatorLogLevel.apply(Map.of("PADDOCK_LOG_LEVEL", "loud"), new Properties()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PADDOCK_LOG_LEVEL must be error, warn, info, debug or trace, not loud");
  }

  /** In a JVM of its own, as the operator's pod runs: the logging backend obeys the level. */
  @Test
  void theLoggingBackendOnTheClassPathHonoursIt() throws Exception {
    assertThat(probe("debug")).contains("DEBUG paddock.probe - a debug line");
    assertThat(probe("warn"))
        .contains("WARN paddock.probe - a warning")
        .doesNotContain("an info line");
  }

  private static String probe(String level) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LogLevelProbe.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PADDOCK_LOG_LEVEL", level);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return output;
  }
}
