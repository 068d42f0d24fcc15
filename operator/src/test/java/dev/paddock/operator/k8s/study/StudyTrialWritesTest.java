package dev.paddock.operator.k8s.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.operator.k8s.StudyTrials;
import dev.paddock.operator.search.Suggestion;
import dev.paddock.operator.study.StudyDefinition;
import dev.paddock.operator.study.StudyDefinitions;
import dev.paddock.operator.study.SuggestionBasis;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudyTrialWritesTest {

  @Test
  void aSuggestionBecomesATrialNamedForItsIndexLabelledWithItsRunAndOwnedByItsStudy()
      throws IOException {
    TrainingStudy study = quickstart();
    StudyDefinition definition = StudyDefinitions.from("quickstart", study.getSpec());
    Suggestion suggestion = new Suggestion(7, Map.of("learningRate", "0.01"), "random");

    Trial first = StudyTrialWrites.trial(study, definition, StudyRun.of(null), suggestion, null);
    Trial third =
        StudyTrialWrites.trial(
            study,
            definition,
            StudyRun.of(null)
                .next(Instant.parse("2026-11-22T01:00:00Z"), Instant.parse("2026-11-22T01:00:05Z"))
                .next(Instant.parse("2026-11-23T01:00:00Z"), Instant.parse("2026-11-23T01:00:05Z")),
            suggestion,
            null);

    assertThat(first.getMetadata().getName()).isEqualTo("quickstart-7");
    assertThat(third.getMetadata().getName()).isEqualTo("quickstart-g3-7");
    assertThat(third.getMetadata().getNamespace()).isEqualTo("team-a");
    assertThat(third.getMetadata().getLabels())
        .containsEntry("paddock.dev/study", "quickstart")
        .containsEntry("paddock.dev/generation", "3");
    assertThat(third.getSpec().study()).isEqualTo("quickstart");
    assertThat(third.getSpec().index()).isEqualTo(7);
    assertThat(third.getSpec().epochs()).isEqualTo(definition.epochs());
    assertThat(third.getSpec().parameters()).containsExactly(Map.entry("learningRate", "0.01"));
    OwnerReference owner = third.getMetadata().getOwnerReferences().get(0);
    assertThat(owner.getKind()).isEqualTo("TrainingStudy");
    assertThat(owner.getUid()).isEqualTo("uid-1");
    assertThat(owner.getController()).isTrue();
    assertThat(owner.getBlockOwnerDeletion()).isTrue();
  }

  @Test
  void aTrialCarriesTheBasisOfItsSuggestionAndTheDomainReadsItBack() throws IOException {
    TrainingStudy study = quickstart();
    StudyDefinition definition = StudyDefinitions.from("quickstart", study.getSpec());
    Suggestion suggestion = new Suggestion(9, Map.of("learningRate", "0.01"), "tpe");
    SuggestionBasis basis = SuggestionBasis.of(8, 11, List.of(3L, 5L, 6L));

    Trial trial = StudyTrialWrites.trial(study, definition, StudyRun.of(null), suggestion, basis);

    assertThat(trial.getMetadata().getAnnotations())
        .containsEntry(SuggestionBasis.ANNOTATION, "8-11;3:DQ");
    Trial read = Serialization.unmarshal(Serialization.asYaml(trial), Trial.class);
    assertThat(StudyTrials.of(read).basis()).isEqualTo(basis);
    assertThat(StudyTrials.of(StudyTrialWrites.trial(study, definition, suggestion)).basis())
        .isNull();
  }

  private static TrainingStudy quickstart() throws IOException {
    TrainingStudy study =
        Serialization.unmarshal(
            Files.readString(Path.of("..", "examples", "quickstart", "study.yaml")),
            TrainingStudy.class);
    study.getMetadata().setNamespace("team-a");
    study.getMetadata().setUid("uid-1");
    return study;
  }
}
