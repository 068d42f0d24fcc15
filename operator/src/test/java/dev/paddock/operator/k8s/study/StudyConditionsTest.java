package dev.paddock.operator.k8s.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.operator.study.StudyPhase;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudyConditionsTest {

  private static final Instant START = Instant.parse("2026-11-22T01:00:00Z");
  private static final Instant LATER = Instant.parse("2026-11-22T02:00:00Z");

  @Test
  void aConditionKeepsItsTransitionTimeUntilItsStatusChanges() {
    List<Condition> running =
        StudyConditions.of(StudyPhase.RUNNING, "TrialsRunning", "1 of 4", 1, START, null);
    List<Condition> stillRunning =
        StudyConditions.of(StudyPhase.RUNNING, "TrialsRunning", "2 of 4", 1, LATER, running);
    List<Condition> done =
        StudyConditions.of(
            StudyPhase.SUCCEEDED, "MaxTrialsReached", "4 of 4", 1, LATER, stillRunning);

    assertThat(stillRunning)
        .allSatisfy(c -> assertThat(c.getLastTransitionTime()).isEqualTo(START.toString()));
    assertThat(stillRunning.get(0).getMessage()).isEqualTo("2 of 4");
    assertThat(done)
        .filteredOn(c -> c.getType().equals("Succeeded"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getStatus()).isEqualTo("True");
              assertThat(c.getLastTransitionTime()).isEqualTo(LATER.toString());
            });
    assertThat(done)
        .filteredOn(c -> !c.getType().equals("Succeeded"))
        .allSatisfy(c -> assertThat(c.getLastTransitionTime()).isEqualTo(START.toString()));
  }

  @Test
  void aStudyWaitingForItsStoreIsNoLongerStalled() {
    List<Condition> previous =
        new java.util.ArrayList<>(
            StudyConditions.of(StudyPhase.RUNNING, "TrialsRunning", "1 of 4", 1, START, null));
    previous.add(
        new io.fabric8.kubernetes.api.model.ConditionBuilder()
            .withType("Stalled")
            .withStatus("True")
            .build());
    previous.add(
        new io.fabric8.kubernetes.api.model.ConditionBuilder()
            .withType("ArchiveDegraded")
            .withStatus("False")
            .build());
    Condition degraded =
        new io.fabric8.kubernetes.api.model.ConditionBuilder()
            .withType("ArchiveDegraded")
            .withStatus("True")
            .build();

    assertThat(StudyHousekeeping.waitingConditions(previous, List.of(degraded)))
        .extracting(Condition::getType, Condition::getStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Ready", "True"),
            org.assertj.core.groups.Tuple.tuple("Succeeded", "False"),
            org.assertj.core.groups.Tuple.tuple("Failed", "False"),
            org.assertj.core.groups.Tuple.tuple("ArchiveDegraded", "True"));
  }
}
