package dev.paddock.operator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code paddock}: the entry point. */
@Command(
    name = "paddock",
    mixinStandardHelpOptions = true,
    version = "paddock " + Paddock.VERSION,
    description = "Machine-learning training studies, on a Kubernetes cluster or on this machine.",
    subcommands = {
      RunCommand.class,
      StatusCommand.class,
      TrialsCommand.class,
      ServeCommand.class,
      CollectCommand.class,
      OperatorCommand.class
    })
public final class Paddock {

  /** The release, as {@code --version} shows it and the operator's user agent carries it. */
  static final String VERSION = "0.1.0";

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
