package dev.paddock.operator.k8s.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.StudyPhase;
import dev.paddock.api.v1alpha1.TrainingStudyStatus;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudyEventsTest {

  @Test
  void anEventIsDueWhenThePhaseOrItsReasonChangesAndNotForTheSameAgain() {
    TrainingStudyStatus running =
        new TrainingStudyStatus(
            StudyPhase.Running,
            1L,
            List.of(
                new ConditionBuilder()
                    .withType("Ready")
                    .withStatus("True")
                    .withReason("TrialsRunning")
                    .build()),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);

    assertThat(StudyEvents.changes(null, StudyPhase.Running, "TrialsRunning")).isTrue();
    assertThat(StudyEvents.changes(running, StudyPhase.Running, "TrialsRunning")).isFalse();
    assertThat(StudyEvents.changes(running, StudyPhase.Running, "Suspended")).isTrue();
    assertThat(StudyEvents.changes(running, StudyPhase.Succeeded, "TrialsRunning")).isTrue();
  }
}
