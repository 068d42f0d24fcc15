package dev.paddock.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed CRDs (crds/manifests and the Helm chart's copy) must equal a fresh generation from
 * the Java types. Refresh them with {@code ./mvnw -pl crds process-test-classes -Pupdate-crds}.
 */
class CrdManifestsUpToDateTest {

  private static final Path GENERATED = Paths.get("target", "generated-crds");
  private static final List<Path> COPIES =
      List.of(Paths.get("manifests"), Paths.get("..", "charts", "paddock", "crds"));

  static Stream<String> generatedCrds() throws IOException {
    try (Stream<Path> files = Files.list(GENERATED)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith("-v1.yml"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("generatedCrds")
  void committedCopiesMatchTheGeneratedCrd(String name) throws IOException {
    String generated = Files.readString(GENERATED.resolve(name));
    for (Path copy : COPIES) {
      Path committed = copy.resolve(name);
      assertThat(committed)
          .withFailMessage(
              "%s is missing or stale: run ./mvnw -pl crds process-test-classes -Pupdate-crds and commit",
              committed)
          .exists();
      assertThat(Files.readString(committed))
          .withFailMessage(
              "%s differs from the CRD generated from the Java types: run ./mvnw -pl crds"
                  + " process-test-classes -Pupdate-crds and commit",
              committed)
          .isEqualTo(generated);
    }
  }

  @ParameterizedTest
  @MethodSource("copyDirectories")
  void noStaleCrdIsCommitted(Path copy) throws IOException {
    List<String> generated = generatedCrds().toList();
    try (Stream<Path> files = Files.list(copy)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
          .containsExactlyElementsOf(generated);
    }
  }

  static Stream<Path> copyDirectories() {
    return COPIES.stream();
  }
}
