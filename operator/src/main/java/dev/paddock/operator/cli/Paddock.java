package dev.paddock.operator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code paddock}: the entry point. */
@Command(
    name = "paddock",
    mixinStandardHelpOptions = true,
    version = "paddock 0.1.0",
    description = "Machine-learning training studies, on a Kubernetes cluster or on this machine.",
    subcommands = {
      RunCommand.class,
      StatusCommand.class,
      TrialsCommand.class,
      ServeCommand.class,
      OperatorCommand.class
    })
public final class Paddock {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, with errors printed as one line a person can act on. */
  static CommandLine commandLine() {
    return new CommandLine(new Paddock())
        .setExecutionExceptionHandler(
            (e, line, parsed) -> {
              line.getErr().println("paddock: " + e.getMessage());
              return e instanceof IllegalArgumentException ? 2 : 1;
            });
  }
}
