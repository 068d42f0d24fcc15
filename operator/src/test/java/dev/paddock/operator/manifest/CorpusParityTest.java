package dev.paddock.operator.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parity with the API server: every manifest of the invalid corpus (which {@code CrdValidationIT}
 * applies to a real kube-apiserver) is refused here with a message holding every string the
 * server's refusal holds, and every example is accepted.
 */
class CorpusParityTest {

  private static final Path CORPUS = Path.of("..", "crds", "src", "test", "resources", "invalid");
  private static final Path EXAMPLES = Path.of("..", "examples");

  static List<Path> invalidManifests() {
    return yamlFiles(CORPUS);
  }

  static List<Path> examples() {
    return yamlFiles(EXAMPLES).stream()
        .filter(f -> read(f).contains("apiVersion: paddock.dev/"))
        .toList();
  }

  @Test
  void theWholeCorpusIsChecked() {
    assertThat(invalidManifests()).hasSizeGreaterThanOrEqualTo(44);
    assertThat(invalidManifests()).allSatisfy(f -> assertThat(expectations(f)).isNotEmpty());
    assertThat(examples()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("invalidManifests")
  void isRefusedWithTheServersWords(Path manifest) {
    InvalidManifestException refusal =
        catchThrowableOfType(InvalidManifestException.class, () -> Manifests.load(manifest));

    assertThat(refusal).as("%s is refused", manifest.getFileName()).isNotNull();
    assertThat(refusal.errors()).isNotEmpty();
    for (String expected : expectations(manifest)) {
      assertThat(refusal.getMessage()).as("%s", manifest.getFileName()).contains(expected);
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void exampleIsAccepted(Path example) {
    assertThatCode(() -> Manifests.load(example)).doesNotThrowAnyException();
  }

  static List<String> expectations(Path file) {
    return read(file)
        .lines()
        .filter(l -> l.startsWith("# expect:"))
        .map(l -> l.substring("# expect:".length()).trim())
        .toList();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
