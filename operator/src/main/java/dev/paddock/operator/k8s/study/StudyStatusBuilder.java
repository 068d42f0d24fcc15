package dev.paddock.operator.k8s.study;

import dev.paddock.api.v1alpha1.EnsembleResult;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.TrainingStudyStatus;
import dev.paddock.operator.k8s.ReconcileErrors;
import dev.paddock.operator.study.PlanStatus;
import dev.paddock.operator.study.StudyPlan;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.List;

/**
 * A study's status as one reconcile found it: the current run's counts, best trial and conditions,
 * the schedule's times, and what archive and retention report. Written whole each time, so it stays
 * bounded and never keeps a stale field.
 */
final class StudyStatusBuilder {

  /** The status of a study never reconciled successfully: every field unset. */
  private static final TrainingStudyStatus NO_STATUS =
      new TrainingStudyStatus(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null);

  private StudyStatusBuilder() {}

  /** What this reconcile found, for the status. */
  record StudyOutcome(
      dev.paddock.operator.study.StudyPhase phase,
      String reason,
      String message,
      StudyPlan plan,
      long gpuSeconds,
      EnsembleResult ensemble,
      StudyQueue queue) {

    StudyOutcome(
        dev.paddock.operator.study.StudyPhase phase,
        String reason,
        String message,
        StudyPlan plan,
        long gpuSeconds,
        EnsembleResult ensemble) {
      this(phase, reason, message, plan, gpuSeconds, ensemble, null);
    }
  }

  /**
   * The study with its status saying that its reconcile keeps failing ({@code Stalled}), all else
   * as it was; empty when it already says so.
   */
  static java.util.Optional<TrainingStudy> stalled(
      TrainingStudy study, String message, Instant now) {
    TrainingStudyStatus status = study.getStatus();
    long generation =
        study.getMetadata().getGeneration() == null ? 0 : study.getMetadata().getGeneration();
    return ReconcileErrors.stalled(
            status == null ? null : status.conditions(), message, generation, now)
        .map(
            conditions -> {
              TrainingStudy fresh = named(study);
              fresh.setStatus((status == null ? NO_STATUS : status).withConditions(conditions));
              return fresh;
            });
  }

  private static TrainingStudy named(TrainingStudy study) {
    TrainingStudy fresh = new TrainingStudy();
    fresh.setMetadata(
        new ObjectMetaBuilder()
            .withName(study.getMetadata().getName())
            .withNamespace(study.getMetadata().getNamespace())
            .build());
    return fresh;
  }

  /** A fresh, bounded status (a patch: fields no longer true are absent, not stale). */
  static TrainingStudy status(
      TrainingStudy study,
      StudyRun run,
      StudyOutcome outcome,
      Instant due,
      StudyHousekeeping.Result house,
      Instant now) {
    TrainingStudy fresh = named(study);
    long generation =
        study.getMetadata().getGeneration() == null ? 0 : study.getMetadata().getGeneration();
    String started = run.started() != null ? run.started() : now.toString();
    String completed =
        outcome.phase().isTerminal()
            ? (run.completed() != null ? run.completed() : now.toString())
            : null;
    StudyPlan plan = outcome.plan();
    fresh.setStatus(
        new TrainingStudyStatus(
            PlanStatus.phase(outcome.phase()),
            generation,
            withQueue(
                withHousekeeping(
                    StudyConditions.of(
                        outcome.phase(),
                        outcome.reason(),
                        outcome.message(),
                        generation,
                        now,
                        study.getStatus() == null ? null : study.getStatus().conditions()),
                    house),
                study,
                outcome.queue(),
                generation,
                now),
            counts(plan, outcome.queue()),
            plan == null ? null : PlanStatus.best(plan),
            outcome.ensemble(),
            outcome.gpuSeconds(),
            run.generation(),
            started,
            completed,
            run.scheduled(),
            due == null ? null : due.toString(),
            house == null ? null : house.archive(),
            house == null ? null : house.retention()));
    return fresh;
  }

  private static dev.paddock.api.v1alpha1.TrialCounts counts(StudyPlan plan, StudyQueue queue) {
    if (plan == null) {
      return null;
    }
    var counts = PlanStatus.counts(plan);
    return queue == null ? counts : counts.withQueue(queue.admitted(), queue.queued());
  }

  /** With the QueueReady condition of a study that names a Kueue queue. */
  private static List<io.fabric8.kubernetes.api.model.Condition> withQueue(
      List<io.fabric8.kubernetes.api.model.Condition> conditions,
      TrainingStudy study,
      StudyQueue queue,
      long generation,
      Instant now) {
    if (queue == null) {
      return conditions;
    }
    List<io.fabric8.kubernetes.api.model.Condition> all = new java.util.ArrayList<>(conditions);
    all.add(
        queue.condition(
            study.getSpec().scheduling().queueName(),
            generation,
            now,
            study.getStatus() == null ? null : study.getStatus().conditions()));
    return all;
  }

  private static List<io.fabric8.kubernetes.api.model.Condition> withHousekeeping(
      List<io.fabric8.kubernetes.api.model.Condition> conditions, StudyHousekeeping.Result house) {
    if (house == null || house.conditions().isEmpty()) {
      return conditions;
    }
    List<io.fabric8.kubernetes.api.model.Condition> all = new java.util.ArrayList<>(conditions);
    all.addAll(house.conditions());
    return all;
  }
}
