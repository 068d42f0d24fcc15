package dev.paddock.operator.local;

import dev.paddock.api.v1alpha1.BestTrial;
import dev.paddock.api.v1alpha1.EnsembleResult;
import dev.paddock.api.v1alpha1.Grade;
import dev.paddock.api.v1alpha1.StudyPhase;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.TrainingStudyStatus;
import dev.paddock.api.v1alpha1.TrialCounts;
import dev.paddock.operator.search.EnsembleSummary;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.study.StudyDefinition;
import dev.paddock.operator.study.StudyPlan;
import java.time.Instant;
import java.util.List;

/** The study's status as a TrainingStudy object, written next to its trials. */
final class StudyStatuses {

  private StudyStatuses() {}

  static TrainingStudy of(
      TrainingStudy study,
      String namespace,
      StudyPlan plan,
      EnsembleResult ensemble,
      Instant started,
      Instant now) {
    TrainingStudy copy = new TrainingStudy();
    copy.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder(study.getMetadata())
            .withNamespace(namespace)
            .build());
    copy.setSpec(study.getSpec());
    var counts = plan.counts();
    BestTrial best =
        plan.best()
            .map(
                t ->
                    new BestTrial(
                        t.name(),
                        t.code(),
                        t.grade() == null ? null : Grade.valueOf(t.grade()),
                        t.observation().objective(),
                        t.observation().parameters()))
            .orElse(null);
    copy.setStatus(
        new TrainingStudyStatus(
            phase(plan),
            study.getMetadata().getGeneration(),
            null,
            new TrialCounts(
                counts.created(),
                counts.running(),
                counts.succeeded(),
                counts.failed(),
                counts.pruned(),
                counts.finished()),
            best,
            ensemble,
            0L,
            null,
            started.toString(),
            plan.phase().isTerminal() ? now.toString() : null));
    return copy;
  }

  /** Mean and spread of an ensemble study's members; null for other studies. */
  static EnsembleResult ensemble(StudyDefinition definition, List<TrialObservation> trials) {
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

  private static StudyPhase phase(StudyPlan plan) {
    return switch (plan.phase()) {
      case PENDING -> StudyPhase.Pending;
      case RUNNING -> StudyPhase.Running;
      case SUCCEEDED -> StudyPhase.Succeeded;
      case FAILED -> StudyPhase.Failed;
      case SUSPENDED -> StudyPhase.Suspended;
    };
  }
}
