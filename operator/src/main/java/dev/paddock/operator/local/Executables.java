package dev.paddock.operator.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Finds a trial's command on this machine before it starts, with an error that says what to do. */
final class Executables {

  private Executables() {}

  /**
   * The command as given when it is found: a path (relative to the working directory) that is an
   * executable file, or a name on the trial's (else this process's) PATH.
   *
   * @throws IllegalArgumentException when it is not found
   */
  static String resolve(String command, Path workDir, Map<String, String> env) {
    if (command.contains("/")) {
      Path path = workDir.resolve(command);
      if (Files.isRegularFile(path) && Files.isExecutable(path)) {
        return command;
      }
      throw notFound(command, "no executable file " + path);
    }
    String searchPath = env.getOrDefault("PATH", System.getenv("PATH"));
    for (String dir : (searchPath == null ? "" : searchPath).split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return command;
      }
    }
    throw notFound(command, "not on the PATH");
  }

  private static IllegalArgumentException notFound(String command, String why) {
    return new IllegalArgumentException(
        "container trainer runs "
            + command
            + ", which is not found on this machine ("
            + why
            + "); a local run runs the container's command here, without its image");
  }
}
