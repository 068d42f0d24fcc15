package dev.paddock.operator.k8s.epochreport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProgressWritesTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 10, 64, 1000, 100000})
  void aTrialWritesItsProgressAtMostTenTimesAndAlwaysAtItsLastEpoch(int epochs) {
    int writes = 0;
    int written = 0;
    for (int epoch = 1; epoch <= epochs; epoch++) {
      if (ProgressWrites.due(written, epoch, epochs)) {
        writes++;
        written = epoch;
      }
    }

    assertThat(writes).isBetween(1, ProgressWrites.MAX_WRITES + 1);
    assertThat(written).isEqualTo(epochs);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 5})
  void aReSentEpochIsNotWrittenAgain(int epoch) {
    assertThat(ProgressWrites.due(5, epoch, 10)).isFalse();
  }
}
