package dev.paddock.operator.study;

import dev.paddock.api.v1alpha1.BestTrial;
import dev.paddock.api.v1alpha1.EnsembleResult;
import dev.paddock.api.v1alpha1.Grade;
import dev.paddock.api.v1alpha1.TrialCounts;
import dev.paddock.operator.search.EnsembleSummary;
import dev.paddock.operator.search.TrialObservation;
import java.util.List;

/**
 * The parts of a TrainingStudy's status that come from a plan, written the same way by the
 * reconciler and by the local runner.
 */
public final class PlanStatus {

  private PlanStatus() {}

  public static dev.paddock.api.v1alpha1.StudyPhase phase(StudyPhase phase) {
    return switch (phase) {
      case PENDING -> dev.paddock.api.v1alpha1.StudyPhase.Pending;
      case RUNNING -> dev.paddock.api.v1alpha1.StudyPhase.Running;
      case SUCCEEDED -> dev.paddock.api.v1alpha1.StudyPhase.Succeeded;
      case FAILED -> dev.paddock.api.v1alpha1.StudyPhase.Failed;
      case SUSPENDED -> dev.paddock.api.v1alpha1.StudyPhase.Suspended;
    };
  }

  /** Counts with the trials the plan creates now already counted as created and running. */
  public static TrialCounts counts(StudyPlan plan) {
    TrialCounts c = toApi(plan.counts());
    int created = plan.create().size();
    return new TrialCounts(
        c.created() + created,
        c.running() + created,
        c.succeeded(),
        c.failed(),
        c.pruned(),
        c.finished());
  }

  public static BestTrial best(StudyPlan plan) {
    return plan.best()
        .map(
            t ->
                new BestTrial(
                    t.name(),
                    t.code(),
                    t.grade() == null ? null : Grade.valueOf(t.grade()),
                    t.observation().objective(),
                    t.observation().parameters()))
        .orElse(null);
  }

  /** Mean and spread of an ensemble study's members; null for other studies. */
  public static EnsembleResult ensemble(StudyDefinition definition, List<TrialObservation> trials) {
    if (definition.search().ensemble() == null) {
      return null;
    }
    EnsembleSummary summary = EnsembleSummary.of(definition.search().ensemble(), trials);
    if (summary.completed() == 0) {
      return new EnsembleResult(0, null, null, null, null);
    }
    return new EnsembleResult(
        summary.completed(), summary.mean(), summary.stdDev(), summary.min(), summary.max());
  }

  private static TrialCounts toApi(dev.paddock.operator.study.TrialCounts c) {
    return new TrialCounts(
        c.created(), c.running(), c.succeeded(), c.failed(), c.pruned(), c.finished());
  }
}
