package dev.paddock.operator.cli;

import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts as the operator does (its log level first), then logs at three levels. */
final class LogLevelProbe {

  private LogLevelProbe() {}

  public static void main(String[] args) {
    Properties system = System.getProperties();
    OperatorLogLevel.apply(System.getenv(), system);
    Logger log = LoggerFactory.getLogger("paddock.probe");
    log.debug("a debug line");
    log.info("an info line");
    log.warn("a warning");
  }
}
