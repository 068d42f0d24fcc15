package dev.paddock.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.Trial;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ReconcileErrorsTest {

  private static final Duration RECHECK = Duration.ofSeconds(45);

  private static final KubernetesClientException QUOTA =
      new KubernetesClientException(
          new StatusBuilder()
              .withCode(403)
              .withReason("Forbidden")
              .withMessage(
                  "jobs.batch \"s-0\" is forbidden: exceeded quota: jobs, requested:"
                      + " count/jobs.batch=1, used: count/jobs.batch=0, limited: count/jobs.batch=0")
              .build());

  @Test
  void theMessageIsTheApiServersOwnEvenWhenTheRefusalIsWrapped() {
    assertThat(ReconcileErrors.message(new CompletionException(QUOTA)))
        .isEqualTo(
            "the operator could not reconcile it: jobs.batch \"s-0\" is forbidden: exceeded"
                + " quota: jobs, requested: count/jobs.batch=1, used: count/jobs.batch=0,"
                + " limited: count/jobs.batch=0 (HTTP 403)");
    assertThat(ReconcileErrors.message(new IllegalStateException("x".repeat(5000))))
        .hasSize(1024)
        .endsWith("xx...");
  }

  @Test
  void whatAnEventTellsIsToldOncePerRoundOfRetries() {
    assertThat(ReconcileErrors.firstReport(Optional.of(attempt(1, false)))).isTrue();
    assertThat(ReconcileErrors.firstReport(Optional.of(attempt(2, false)))).isFalse();
    assertThat(ReconcileErrors.firstReport(Optional.of(attempt(5, true)))).isFalse();
  }

  @Test
  void aFirstFailureIsLeftToItsRetry() {
    ErrorStatusUpdateControl<Trial> control =
        ReconcileErrors.control(
            Optional.of(attempt(0, false)), RECHECK, QUOTA, m -> Optional.of(trial()));

    assertThat(control.isDefaultErrorProcessing()).isTrue();
  }

  @Test
  void aFailureItsRetryDidNotClearIsWrittenAndRetriedAgain() {
    ErrorStatusUpdateControl<Trial> control =
        ReconcileErrors.control(
            Optional.of(attempt(1, false)), RECHECK, QUOTA, m -> Optional.of(trial()));

    assertThat(control.isDefaultErrorProcessing()).isFalse();
    assertThat(control.getResource()).isPresent();
    assertThat(control.isNoRetry()).isFalse();
    assertThat(control.getScheduleDelay()).isEmpty();
  }

  @Test
  void afterTheLastRetryTheReconcileRunsAgainAtTheRecheckIntervalWithoutRewritingTheStatus() {
    ErrorStatusUpdateControl<Trial> control =
        ReconcileErrors.control(
            Optional.of(attempt(5, true)), RECHECK, QUOTA, m -> Optional.empty());

    assertThat(control.getResource()).isEmpty();
    assertThat(control.isNoRetry()).isTrue();
    assertThat(control.getScheduleDelay()).contains(RECHECK.toMillis());
  }

  private static Trial trial() {
    return new Trial();
  }

  private static RetryInfo attempt(int count, boolean last) {
    return new RetryInfo() {
      @Override
      public int getAttemptCount() {
        return count;
      }

      @Override
      public boolean isLastAttempt() {
        return last;
      }
    };
  }

  @Test
  void aLastingFailureIsWrittenOnceBesideTheOtherConditions() {
    Instant start = Instant.parse("2026-11-22T01:00:00Z");
    Instant later = Instant.parse("2026-11-22T02:00:00Z");
    List<Condition> ready =
        List.of(new ConditionBuilder().withType("Ready").withStatus("True").build());

    List<Condition> stalled =
        ReconcileErrors.stalled(ready, "exceeded quota", 1, start).orElseThrow();
    assertThat(stalled).extracting(Condition::getType).containsExactly("Ready", "Stalled");
    assertThat(stalled.get(1))
        .satisfies(
            c -> {
              assertThat(c.getStatus()).isEqualTo("True");
              assertThat(c.getReason()).isEqualTo("ReconcileError");
              assertThat(c.getMessage()).isEqualTo("exceeded quota");
              assertThat(c.getObservedGeneration()).isEqualTo(1L);
            });

    assertThat(ReconcileErrors.stalled(stalled, "exceeded quota", 1, later)).isEmpty();
    List<Condition> other = ReconcileErrors.stalled(stalled, "forbidden", 1, later).orElseThrow();
    assertThat(other).extracting(Condition::getType).containsExactly("Ready", "Stalled");
    assertThat(other.get(1).getMessage()).isEqualTo("forbidden");
    assertThat(other.get(1).getLastTransitionTime()).isEqualTo(start.toString());
  }
}
