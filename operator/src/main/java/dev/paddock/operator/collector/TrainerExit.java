package dev.paddock.operator.collector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How the trainer's command ended, as the launcher wrote it ({@code CollectedPod.EXIT}): an exit
 * code, a signal, or a command that could not run; and whether the collector had stopped it.
 */
record TrainerExit(Integer code, Integer signal, String execError, boolean stopped) {

  /** The exit the launcher wrote, or empty while the command runs. */
  static Optional<TrainerExit> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(file);
    String first = lines.isEmpty() ? "" : lines.get(0);
    boolean stopped = lines.contains("stopped");
    if (first.startsWith("code ")) {
      return Optional.of(
          new TrainerExit(Integer.parseInt(first.substring(5).trim()), null, null, stopped));
    }
    if (first.startsWith("signal ")) {
      return Optional.of(
          new TrainerExit(null, Integer.parseInt(first.substring(7).trim()), null, stopped));
    }
    return Optional.of(
        new TrainerExit(null, null, first.replaceFirst("^exec-error ", ""), stopped));
  }

  /** How it ended, for a person: "exited with code 3", "was killed by signal 9". */
  String describe() {
    if (execError != null) {
      return "could not start (" + execError + ")";
    }
    if (signal != null) {
      return "was killed by signal "
          + signal
          + (signal == 9 ? " (SIGKILL: out of memory, or a stop that outlasted its grace)" : "");
    }
    return "exited with code " + code;
  }

  boolean succeeded() {
    return code != null && code == 0;
  }
}
