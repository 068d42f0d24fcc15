package dev.paddock.operator.k8s.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudyQueueTest {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private static TrainingStudy study(String scheduling) {
    return JSON.unmarshal(
        "{\"metadata\":{\"name\":\"s\"},\"spec\":{" + scheduling + "}}", TrainingStudy.class);
  }

  private static Trial trial(String phase, String reason, String message) {
    String status =
        phase == null
            ? ""
            : ",\"status\":{\"phase\":\""
                + phase
                + "\",\"reason\":\""
                + reason
                + "\",\"message\":\""
                + message
                + "\"}";
    return JSON.unmarshal("{\"metadata\":{\"name\":\"t\"}" + status + "}", Trial.class);
  }

  @Test
  void aStudyWithoutAQueueHasNoQueueCounts() {
    assertThat(StudyQueue.of(study(""), List.of(trial("Running", "Running", "")))).isEmpty();
  }

  @Test
  void trialsAreAdmittedOrQueuedByWhatTheySayAndInadmissibleIsNamed() {
    TrainingStudy study = study("\"scheduling\":{\"queueName\":\"team-a\"}");
    StudyQueue queue =
        StudyQueue.of(
                study,
                List.of(
                    trial("Running", "Running", "the trainer is running"),
                    trial("Pending", "Unschedulable", "no node"),
                    trial("Pending", "Queued", "waiting for Kueue"),
                    trial("Pending", "Inadmissible", "Kueue cannot admit: LocalQueue gone"),
                    trial("Succeeded", "Completed", "done"),
                    trial(null, null, null)))
            .orElseThrow();

    assertThat(queue.admitted()).isEqualTo(2);
    assertThat(queue.queued()).isEqualTo(2);
    assertThat(queue.inadmissible()).isEqualTo("Kueue cannot admit: LocalQueue gone");
    Condition condition = queue.condition("team-a", 3, Instant.EPOCH, null);
    assertThat(condition.getStatus()).isEqualTo("False");
    assertThat(condition.getReason()).isEqualTo("Inadmissible");
    assertThat(StudyQueue.saidInadmissible(List.of(condition))).isTrue();
    StudyQueue fine = new StudyQueue(1, 0, null);
    Condition ready = fine.condition("team-a", 3, Instant.EPOCH, List.of(condition));
    assertThat(ready.getStatus()).isEqualTo("True");
    assertThat(StudyQueue.saidInadmissible(List.of(ready))).isFalse();
  }
}
