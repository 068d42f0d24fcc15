package dev.paddock.operator.local;

import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.operator.epochreport.EpochReport;
import dev.paddock.operator.epochreport.ReportAnswer;
import dev.paddock.operator.epochreport.ReportListener;
import dev.paddock.operator.pruning.Decision;
import dev.paddock.operator.pruning.Pruner;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.study.StudyDefinition;
import java.util.List;

/**
 * Epoch reports of a local run: recorded on the trial, answered with the shared pruner's decision,
 * or with stop when the runner is stopping the trial for another reason.
 */
final class LocalReports implements ReportListener {

  private final StudyDefinition study;
  private final RunState state;
  private final RunSignals signals;

  LocalReports(StudyDefinition study, RunState state, RunSignals signals) {
    this.study = study;
    this.state = state;
    this.signals = signals;
  }

  @Override
  public ReportAnswer onEpoch(EpochReport report) {
    try {
      return answer(report);
    } finally {
      signals.signal("epoch-reported");
    }
  }

  private ReportAnswer answer(EpochReport report) {
    synchronized (state) {
      LiveTrial trial = state.trial(report.trial().name());
      if (trial == null || !report.trial().namespace().equals(state.namespace())) {
        throw new UnknownTrialException(report.trial());
      }
      trial.progress.record(report.epoch(), report.metrics());
      if (trial.phase == TrialPhase.Pending) {
        trial.phase = TrialPhase.Running;
      }
      state.changed(trial);
      if (trial.stopRequested != null) {
        return ReportAnswer.stop(trial.stopRequested);
      }
      List<TrialObservation> others = state.trials().stream().map(LiveTrial::observation).toList();
      Decision decision =
          Pruner.decide(
              study.earlyStopping(),
              study.objective(),
              trial.observation(),
              others,
              study.epochs());
      if (decision.shouldStop()) {
        trial.stopRequested = decision.reason();
        trial.reason = "Pruned";
        trial.message = decision.reason();
      }
      return decision.shouldStop()
          ? ReportAnswer.stop(decision.reason())
          : ReportAnswer.proceed(decision.reason());
    }
  }
}
