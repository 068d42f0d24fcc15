package dev.paddock.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainerEnvTest {

  @Test
  void aParameterIsItsNameUpperCased() {
    assertThat(TrainerEnv.paramVariable("lr")).isEqualTo("PADDOCK_PARAM_LR");
    assertThat(TrainerEnv.paramVariable("batch_size2")).isEqualTo("PADDOCK_PARAM_BATCH_SIZE2");
  }

  @Test
  void valuesAreKeptAsInParamsAndSorted() {
    assertThat(TrainerEnv.paramVariables(Map.of("hidden", "64,32", "lr", "1.0E-4")))
        .containsExactly(
            Map.entry("PADDOCK_PARAM_HIDDEN", "64,32"), Map.entry("PADDOCK_PARAM_LR", "1.0E-4"));
  }

  @Test
  void aNameTheCrdRefusesIsRefused() {
    assertThatThrownBy(() -> TrainerEnv.paramVariable("Lr"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Lr");
  }
}
