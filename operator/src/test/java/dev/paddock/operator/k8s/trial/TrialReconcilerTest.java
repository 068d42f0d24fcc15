package dev.paddock.operator.k8s.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.api.v1alpha1.TrialStatus;
import dev.paddock.operator.epochreport.ReportTokens;
import dev.paddock.operator.k8s.ClusterSettings;
import dev.paddock.operator.k8s.ReconcileRetry;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.lang.reflect.Proxy;
import java.time.Clock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A trial that has recorded its ending is final: whatever its Job does later (a second pod the Job
 * controller starts after a kube-apiserver restart, say) is not read, is no new attempt and no new
 * outcome, and its GPU seconds stay those recorded at its end.
 */
class TrialReconcilerTest {

  private final TrialReconciler reconciler =
      new TrialReconciler(
          new ClusterSettings(
              "http://paddock:8080/v1/report", "s3://paddock", null, null, null, null),
          new ReportTokens(new byte[32]),
          Clock.systemUTC(),
          ref -> {
            throw new AssertionError("told of an ending again: " + ref);
          },
          ReconcileRetry.DEFAULT);

  @ParameterizedTest
  @EnumSource(
      value = TrialPhase.class,
      names = {"Succeeded", "Failed", "Pruned"})
  void anEndedTrialTouchesNothingWhateverItsJobDoes(TrialPhase phase) {
    Trial trial = TrialFixtures.trial("team-a", 3, "uid-3");
    trial.setStatus(
        new TrialStatus(
            phase,
            1,
            10,
            0.9,
            null,
            null,
            null,
            null,
            null,
            null,
            120L,
            phase.name(),
            "ended",
            "2026-11-21T10:00:00Z",
            "2026-11-21T10:02:00Z"));

    UpdateControl<Trial> control = reconciler.reconcile(trial, untouchable());

    assertThat(control.isNoUpdate()).isTrue();
    assertThat(control.getScheduleDelay()).isEmpty();
  }

  /** A context whose every use fails the test: no cache read, no API call, no status write. */
  @SuppressWarnings("unchecked")
  private static Context<Trial> untouchable() {
    return (Context<Trial>)
        Proxy.newProxyInstance(
            Context.class.getClassLoader(),
            new Class<?>[] {Context.class},
            (proxy, method, args) -> {
              throw new AssertionError("an ended trial used its context: " + method.getName());
            });
  }
}
