package dev.paddock.operator.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.operator.grading.Grade;
import dev.paddock.operator.grading.GradingSpec;
import dev.paddock.operator.pruning.EarlyStopping;
import dev.paddock.operator.search.Algorithm;
import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.FloatParameter;
import dev.paddock.operator.search.IntParameter;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StudyDefinitionsTest {

  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  static TrainingStudy quickstart() throws IOException {
    String yaml = Files.readString(Path.of("..", "examples", "quickstart", "study.yaml"));
    return YAML.unmarshal(yaml, TrainingStudy.class);
  }

  @Test
  void readsTheQuickstartExample() throws IOException {
    TrainingStudy study = quickstart();

    StudyDefinition definition = StudyDefinitions.from("quickstart", study.getSpec());

    assertThat(definition.objective().metric()).isEqualTo("val_f1");
    assertThat(definition.objective().direction()).isEqualTo(Direction.MAXIMIZE);
    assertThat(definition.objective().goal()).isNull();
    assertThat(definition.search().algorithm()).isEqualTo(Algorithm.TPE);
    assertThat(definition.search().seed()).isEqualTo(42L);
    assertThat(definition.search().space().parameters())
        .first()
        .isEqualTo(new FloatParameter("lr", 1e-4, 1e-1, true, null));
    assertThat(definition.search().space().parameter("batch_size"))
        .contains(new IntParameter("batch_size", 32, 256, 32, false));
    assertThat(definition.budget()).isEqualTo(new StudyDefinition.Budget(12, 2, 3, null));
    assertThat(definition.earlyStopping().algorithm()).isEqualTo(EarlyStopping.Algorithm.MEDIAN);
    assertThat(definition.earlyStopping().minTrials()).isEqualTo(3);
    assertThat(definition.epochs()).isEqualTo(10);
    assertThat(definition.grading().mode()).isEqualTo(GradingSpec.Mode.THRESHOLDS);
    assertThat(definition.grading().thresholds()).containsEntry(Grade.A, 0.95);
  }

  @Test
  void aWarmStartNamingAnUnknownParameterIsRefusedWithTheField() throws IOException {
    String yaml =
        Files.readString(Path.of("..", "examples", "quickstart", "study.yaml"))
            .replace("    seed: 42\n", "    seed: 42\n    initial: [{momentum: \"0.9\"}]\n");
    TrainingStudy study = YAML.unmarshal(yaml, TrainingStudy.class);

    assertThatThrownBy(() -> StudyDefinitions.from("quickstart", study.getSpec()))
        .isInstanceOf(InvalidStudyException.class)
        .hasMessageContaining("search.initial[0]")
        .hasMessageContaining("momentum");
  }

  @Test
  void anEnsembleStudyNeedsNoSearchedParameter() throws IOException {
    String yaml =
        Files.readString(Path.of("..", "examples", "quickstart", "study.yaml"))
            .replaceAll(
                "(?s)    algorithm: tpe.*?  budget:",
                "    algorithm: ensemble\n"
                    + "    seed: 7\n"
                    + "    ensemble: {size: 5, parameters: {hidden: \"64,32\", lr: \"0.01\"}}\n"
                    + "  budget:")
            .replace("QS-{grade}-N{hidden}B{batch_size}-L{lr}", "QS-{grade}-{index}");
    TrainingStudy study = YAML.unmarshal(yaml, TrainingStudy.class);

    StudyDefinition definition = StudyDefinitions.from("ensemble", study.getSpec());

    assertThat(definition.search().ensemble().size()).isEqualTo(5);
    assertThat(definition.search().ensemble().seedParameter()).isEqualTo("seed");
  }
}
