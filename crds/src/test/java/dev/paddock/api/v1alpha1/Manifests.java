package dev.paddock.api.v1alpha1;

import dev.paddock.testsupport.StudyEdit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the manifests the tests feed to the API server. */
final class Manifests {

  private Manifests() {}

  /** Every YAML file under examples/ that holds a Paddock resource. */
  static List<Path> examples() {
    return yamlFiles(Path.of("..", "examples")).stream()
        .filter(f -> read(f).contains("apiVersion: paddock.dev/"))
        .toList();
  }

  /** The invalid-manifest corpus, one defect per file. */
  static List<Path> invalid() {
    return yamlFiles(Path.of("src", "test", "resources", "invalid"));
  }

  /** The live-edit corpus: edits of the quickstart study that a live study refuses. */
  static List<StudyEdit> refusedEdits() {
    return StudyEdit.under(Path.of("src", "test", "resources", "edits", "refused"));
  }

  /** The live-edit corpus: edits of the quickstart study that a live study accepts. */
  static List<StudyEdit> allowedEdits() {
    return StudyEdit.under(Path.of("src", "test", "resources", "edits", "allowed"));
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines {@code # expect: text} of a corpus file: what the refusal must say. */
  static List<String> expectations(Path file) {
    return read(file)
        .lines()
        .filter(l -> l.startsWith("# expect:"))
        .map(l -> l.substring("# expect:".length()).trim())
        .toList();
  }

  private static List<Path> yamlFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
