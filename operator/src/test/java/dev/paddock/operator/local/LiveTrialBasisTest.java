package dev.paddock.operator.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialSpec;
import dev.paddock.operator.pruning.EarlyStopping;
import dev.paddock.operator.search.Algorithm;
import dev.paddock.operator.search.CategoricalParameter;
import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.Objective;
import dev.paddock.operator.search.SearchSpace;
import dev.paddock.operator.search.StudySearch;
import dev.paddock.operator.study.StudyDefinition;
import dev.paddock.operator.study.SuggestionBasis;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local runner keeps a trial's suggestion basis in its record, as the cluster does. */
class LiveTrialBasisTest {

  private static final StudyDefinition STUDY =
      new StudyDefinition(
          "s",
          new Objective("val_f1", Direction.MAXIMIZE, null),
          List.of(),
          StudySearch.of(Algorithm.RANDOM, 1, SearchSpace.of(CategoricalParameter.of("h", "1"))),
          new StudyDefinition.Budget(4, 2, null, null),
          EarlyStopping.NONE_SPEC,
          3,
          0,
          null,
          null);

  @Test
  void aResumedRunReadsTheBasisBackFromTheTrialRecord() {
    LiveTrial trial = new LiveTrial("s-3", new TrialSpec("s", 3, 3, Map.of("h", "1")), STUDY);
    trial.basis = SuggestionBasis.of(2, 3, List.of(0L));

    Trial record = trial.toRecord("default", List.of("val_f1"));
    Trial reread = Serialization.unmarshal(Serialization.asJson(record), Trial.class);

    assertThat(record.getMetadata().getAnnotations())
        .containsEntry(SuggestionBasis.ANNOTATION, "2-3;0:AQ");
    assertThat(LiveTrial.from(reread, STUDY).studyTrial().basis()).isEqualTo(trial.basis);
  }
}
