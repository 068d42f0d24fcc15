package dev.paddock.operator.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CoreSplitTest {

  @Test
  void twoCoresGiveOneToTheControlPlaneAndOneToItsClients() {
    assertThat(CoreSplit.of(2)).isEqualTo(new CoreSplit("0", "1"));
  }

  @Test
  void anOddCoreGoesToTheClients() {
    assertThat(CoreSplit.of(3)).isEqualTo(new CoreSplit("0", "1-2"));
  }

  @Test
  void manyCoresAreSplitInHalvesAsRanges() {
    assertThat(CoreSplit.of(16)).isEqualTo(new CoreSplit("0-7", "8-15"));
  }

  @Test
  void oneCoreCannotBeSplit() {
    assertThatThrownBy(() -> CoreSplit.of(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs 2 cores or more");
  }
}
