package dev.paddock.operator.epochreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReportTokensTest {

  private final byte[] key = filled(7);
  private final ReportTokens tokens = new ReportTokens(key);
  private final TrialRef trial = new TrialRef("team-a", "churn-mlp-17");
  private final String uid = "6f1c7a52-0d2b-4c1e-9a53-7d1b2f0e8c11";

  @Test
  void aTokenIsValidForItsTrialOnlyAndNamesItsObject() {
    String token = tokens.issue(trial, uid);

    assertThat(tokens.verify(trial, token)).contains(uid);
    assertThat(tokens.verify(new TrialRef("team-a", "churn-mlp-18"), token)).isEmpty();
    assertThat(tokens.verify(new TrialRef("team-b", "churn-mlp-17"), token)).isEmpty();
    // Another study's trial of the same name (study churn-mlp-1, index 7).
    assertThat(tokens.verify(new TrialRef("team-a", "churn-mlp-1-7"), token)).isEmpty();
  }

  @Test
  void theUidInATokenCannotBeSwappedForAnothers() {
    String token = tokens.issue(trial, uid);
    String mac = token.substring(token.lastIndexOf('.') + 1);

    assertThat(tokens.verify(trial, "v2.other-uid." + mac)).isEmpty();
    assertThat(tokens.verify(trial, tokens.issue(trial, "other-uid"))).contains("other-uid");
  }

  @Test
  void tokensSurviveARestartWithTheSameKeyButNotAnotherKey() {
    String token = tokens.issue(trial, uid);

    assertThat(new ReportTokens(key.clone()).verify(trial, token)).contains(uid);
    assertThat(new ReportTokens(filled(8)).verify(trial, token)).isEmpty();
  }

  @Test
  void garbageAndTokensWithoutAUidAreRefused() {
    assertThat(tokens.verify(trial, null)).isEmpty();
    assertThat(tokens.verify(trial, "")).isEmpty();
    assertThat(tokens.verify(trial, "v2.***")).isEmpty();
    assertThat(tokens.verify(trial, "v2..abc")).isEmpty();
    assertThat(tokens.verify(trial, tokens.issue(trial, uid).substring(3))).isEmpty();
    assertThatThrownBy(() -> tokens.issue(trial, "")).hasMessageContaining("not a trial UID");
    assertThatThrownBy(() -> tokens.issue(trial, "a.b")).hasMessageContaining("not a trial UID");
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
