package dev.paddock.operator.local;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.operator.manifest.Manifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading manifests and the local store's records, for {@code run}, {@code status}, {@code trials}.
 */
public final class StudyFiles {

  private StudyFiles() {}

  /**
   * Reads a TrainingStudy manifest and validates it as the API server would (schema and CEL rules
   * of the CRD), so a manifest a cluster refuses is refused here with the same message.
   */
  public static TrainingStudy load(Path manifest) {
    return Manifests.loadStudy(manifest);
  }

  /** The status records of every study in a store. */
  public static List<TrainingStudy> studies(Path store) {
    return records(store.resolve("studies"), 3, "study.json", TrainingStudy.class);
  }

  /** The records of every trial in a store. */
  public static List<Trial> trials(Path store) {
    return records(store.resolve("studies"), 5, "trial.json", Trial.class).stream()
        .sorted(
            java.util.Comparator.comparing((Trial t) -> t.getSpec().study())
                .thenComparingInt(t -> t.getSpec().index()))
        .toList();
  }

  private static <T> List<T> records(Path root, int depth, String fileName, Class<T> type) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class),
          depth,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              if (file.getFileName().toString().equals(fileName)) {
                found.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            // A running trainer's temporary file can vanish between listing and reading it.
            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
              }
              throw e;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found.stream().sorted().map(f -> JsonFiles.read(f, type)).toList();
  }
}
