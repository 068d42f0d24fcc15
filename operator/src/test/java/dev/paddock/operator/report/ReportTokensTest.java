package dev.paddock.operator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReportTokensTest {

  private final byte[] key = filled(7);
  private final ReportTokens tokens = new ReportTokens(key);
  private final TrialRef trial = new TrialRef("team-a", "churn-mlp-17");

  @Test
  void aTokenIsValidForItsTrialOnly() {
    String token = tokens.issue(trial);

    assertThat(tokens.verify(trial, token)).isTrue();
    assertThat(tokens.verify(new TrialRef("team-a", "churn-mlp-18"), token)).isFalse();
    assertThat(tokens.verify(new TrialRef("team-b", "churn-mlp-17"), token)).isFalse();
  }

  @Test
  void tokensSurviveARestartWithTheSameKeyButNotAnotherKey() {
    String token = tokens.issue(trial);

    assertThat(new ReportTokens(key.clone()).verify(trial, token)).isTrue();
    assertThat(new ReportTokens(filled(8)).verify(trial, token)).isFalse();
  }

  @Test
  void garbageIsRefused() {
    assertThat(tokens.verify(trial, null)).isFalse();
    assertThat(tokens.verify(trial, "")).isFalse();
    assertThat(tokens.verify(trial, "v1.***")).isFalse();
    assertThat(tokens.verify(trial, tokens.issue(trial).substring(3))).isFalse();
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatThrownBy(() -> new ReportTokens(new byte[16]))
        .hasMessageContaining("at least 32 bytes");
  }

  private static byte[] filled(int value) {
    byte[] bytes = new byte[32];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
