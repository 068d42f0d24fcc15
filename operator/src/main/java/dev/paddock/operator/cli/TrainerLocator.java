package dev.paddock.operator.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the {@code paddock-trainer} launcher: {@code --trainer}, else {@code $PADDOCK_TRAINER} (set
 * by the repository's {@code ./paddock} script), else {@code paddock-trainer} on the PATH.
 */
final class TrainerLocator {

  private TrainerLocator() {}

  static Path locate(Path given) {
    if (given != null) {
      return check(given);
    }
    String fromEnv = System.getenv("PADDOCK_TRAINER");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return check(Path.of(fromEnv));
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "paddock-trainer");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        "paddock-trainer not found: pass --trainer, set PADDOCK_TRAINER, or run through ./paddock");
  }

  private static Path check(Path trainer) {
    if (!Files.isExecutable(trainer)) {
      throw new IllegalArgumentException("paddock-trainer is not executable at " + trainer);
    }
    return trainer.toAbsolutePath();
  }
}
