package dev.paddock.trainer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.trainer.util.TrainerException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperparamsTest {

  @Test
  void defaultsApplyAndLaterLayersWin() {
    Hyperparams hp =
        Hyperparams.resolve(
            Map.of("lr", "0.01", "hidden", "32,16"), ParamsJson.parse("{\"lr\": 0.0003}"));
    assertThat(hp.lr()).isEqualTo(0.0003f);
    assertThat(hp.hidden()).containsExactly(32, 16);
    assertThat(hp.batchSize()).isEqualTo(256);
    assertThat(hp.asMap()).containsEntry("optimizer", "adam").containsEntry("lr", "0.0003");
  }

  @Test
  void paramsJsonAcceptsStringsNumbersBooleansAndLists() {
    Map<String, String> p =
        ParamsJson.parse(
            "{\"lr\":\"0.00031\",\"batch_size\":256,\"batch_norm\":true,\"hidden\":[64,32]}");
    Hyperparams hp = Hyperparams.resolve(p);
    assertThat(hp.batchSize()).isEqualTo(256);
    assertThat(hp.batchNorm()).isTrue();
    assertThat(hp.hidden()).containsExactly(64, 32);
  }

  @Test
  void unknownAndBadValuesAreUserErrorsNamingTheParameter() {
    assertThatThrownBy(() -> Hyperparams.resolve(Map.of("learning_rate", "1")))
        .isInstanceOf(TrainerException.class)
        .hasMessageContaining("unknown parameter 'learning_rate'")
        .matches(e -> !((TrainerException) e).retryable());
    assertThatThrownBy(() -> Hyperparams.resolve(Map.of("lr", "fast")))
        .hasMessageContaining("parameter lr");
    assertThatThrownBy(() -> Hyperparams.resolve(Map.of("hidden", "256,abc")))
        .hasMessageContaining("parameter hidden");
    assertThatThrownBy(() -> Hyperparams.resolve(Map.of("batch_size", "12.5")))
        .hasMessageContaining("batch_size");
    assertThatThrownBy(() -> Hyperparams.resolve(Map.of("optimizer", "lbfgs")))
        .hasMessageContaining("optimizer");
    assertThatThrownBy(() -> ParamsJson.parse("{not json"))
        .hasMessageContaining("PADDOCK_PARAMS is not valid JSON");
    assertThatThrownBy(() -> ParamsJson.parse("[1,2]")).hasMessageContaining("JSON object");
  }
}
