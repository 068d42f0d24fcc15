package dev.paddock.operator.local;

import dev.paddock.api.v1alpha1.EnsembleResult;
import dev.paddock.api.v1alpha1.StudyArchiveStatus;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.TrainingStudyStatus;
import dev.paddock.operator.study.PlanStatus;
import dev.paddock.operator.study.StudyPlan;
import java.time.Instant;

/** The study's status as a TrainingStudy object, written next to its trials. */
final class StudyStatuses {

  private StudyStatuses() {}

  static TrainingStudy of(
      TrainingStudy study,
      String namespace,
      StudyPlan plan,
      EnsembleResult ensemble,
      Instant started,
      Instant completed,
      StudyArchiveStatus archive) {
    TrainingStudy copy = new TrainingStudy();
    copy.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder(study.getMetadata())
            .withNamespace(namespace)
            .build());
    copy.setSpec(study.getSpec());

    copy.setStatus(
        new TrainingStudyStatus(
            PlanStatus.phase(plan.phase()),
            study.getMetadata().getGeneration(),
            null,
            PlanStatus.counts(plan),
            PlanStatus.best(plan),
            ensemble,
            0L,
            null,
            started.toString(),
            completed == null ? null : completed.toString(),
            null,
            null,
            archive,
            null));
    return copy;
  }
}
