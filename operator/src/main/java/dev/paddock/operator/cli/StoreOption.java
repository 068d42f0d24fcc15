package dev.paddock.operator.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --store}: the directory of local studies. */
final class StoreOption {

  @Option(
      names = "--store",
      paramLabel = "DIR",
      description = {"Directory of local studies.", "Default: .paddock in the current directory."})
  Path store;

  Path resolve(Path fallbackParent) {
    return store != null ? store : fallbackParent.resolve(".paddock");
  }
}
