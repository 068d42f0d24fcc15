package dev.paddock.trainer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code paddock-trainer}: the reference trial workload. */
@Command(
    name = "paddock-trainer",
    mixinStandardHelpOptions = true,
    version = "paddock-trainer 0.1.0",
    description =
        "Trains an MLP on tabular data with DJL (PyTorch engine), or serves a trained one.",
    subcommands = {TrainCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class PaddockTrainer implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    EngineSetup.offlineDefaults();
    System.exit(commandLine().execute(args));
  }

  /** The command line, also used by tests. */
  public static CommandLine commandLine() {
    return new CommandLine(new PaddockTrainer()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
