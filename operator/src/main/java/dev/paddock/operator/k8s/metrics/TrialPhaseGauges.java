package dev.paddock.operator.k8s.metrics;

import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.operator.k8s.TrialCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code paddock_trials{phase=...}}: the Trials of the watched namespaces by phase. */
public final class TrialPhaseGauges {

  private TrialPhaseGauges() {}

  public static void register(MeterRegistry registry, TrialCache trials) {
    for (TrialPhase phase : TrialPhase.values()) {
      Gauge.builder("paddock.trials", trials, t -> t.countInPhase(phase))
          .tag("phase", phase.name())
          .description("Trials by phase")
          .register(registry);
    }
  }
}
