package dev.paddock.operator.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Pins the samplers' output byte for byte: {@link GoldenScenarios} rendered now must equal the
 * committed {@code search/golden-suggestions.txt}. Any optimization of the samplers must leave this
 * passing; regenerate the file only for an intended change of suggestions.
 */
class GoldenSuggestionsTest {

  @Test
  void suggestionsEqualTheGoldenFile() throws IOException {
    String expected;
    try (InputStream in =
        GoldenSuggestionsTest.class.getResourceAsStream(GoldenScenarios.RESOURCE)) {
      assertThat(in).as("resource " + GoldenScenarios.RESOURCE).isNotNull();
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(GoldenScenarios.render()).isEqualTo(expected);
  }
}
