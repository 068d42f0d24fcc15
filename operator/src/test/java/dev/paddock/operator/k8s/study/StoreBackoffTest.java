package dev.paddock.operator.k8s.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the store is tried again, and what the ArchiveDegraded condition says. */
class StoreBackoffTest {

  @Test
  void delaysDoubleFromFiveSecondsUpToAMinute() {
    assertThat(StoreBackoff.delay(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(StoreBackoff.delay(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(StoreBackoff.delay(4)).isEqualTo(Duration.ofSeconds(40));
    assertThat(StoreBackoff.delay(5)).isEqualTo(Duration.ofMinutes(1));
    assertThat(StoreBackoff.delay(1000)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aSuccessStartsTheBackoffAgainForThatStudyOnly() {
    StoreBackoff backoff = new StoreBackoff();
    backoff.failed("a");
    backoff.failed("a");
    assertThat(backoff.failed("b")).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.failed("a")).isEqualTo(Duration.ofSeconds(20));

    backoff.succeeded("a");

    assertThat(backoff.failed("a")).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.failed("b")).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void theConditionKeepsItsTransitionTimeWhileItsStatusHolds() {
    Instant first = Instant.parse("2026-11-22T01:00:00Z");
    Condition degraded = ArchiveCondition.of(null, "cannot read x in s3://b/ (refused)", 3, first);
    assertThat(degraded.getStatus()).isEqualTo("True");
    assertThat(degraded.getReason()).isEqualTo("StoreUnavailable");
    assertThat(degraded.getMessage()).isEqualTo("cannot read x in s3://b/ (refused)");
    assertThat(degraded.getObservedGeneration()).isEqualTo(3);

    Condition still = ArchiveCondition.of(List.of(degraded), "again", 3, first.plusSeconds(60));
    Condition recovered = ArchiveCondition.of(List.of(still), null, 3, first.plusSeconds(120));

    assertThat(still.getLastTransitionTime()).isEqualTo(first.toString());
    assertThat(ArchiveCondition.isDegraded(List.of(still))).isTrue();
    assertThat(recovered.getStatus()).isEqualTo("False");
    assertThat(recovered.getReason()).isEqualTo("StoreAvailable");
    assertThat(recovered.getLastTransitionTime()).isEqualTo(first.plusSeconds(120).toString());
    assertThat(ArchiveCondition.isDegraded(List.of(recovered))).isFalse();
  }

  @Test
  void aLongStoreErrorIsCutToTheStatusBound() {
    Condition degraded = ArchiveCondition.of(null, "x".repeat(5000), 1, Instant.EPOCH);

    assertThat(degraded.getMessage()).hasSize(1024).endsWith("...");
  }
}
