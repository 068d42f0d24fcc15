package dev.paddock.operator.k8s.study;

import dev.paddock.api.v1alpha1.TrainingStudyStatus;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.operator.k8s.Labels;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The run of a study that its status describes: 1, then one more each time {@code spec.schedule}
 * starts the study again. Each run's Trials carry its number as a label, so the planner sees only
 * the current run's trials and the earlier runs' stay for comparison.
 *
 * @param started when this run started (null: not yet)
 * @param completed when this run ended (null: it has not)
 * @param scheduled the schedule tick that started it (null for the first run)
 */
record StudyRun(int generation, String started, String completed, String scheduled) {

  static StudyRun of(TrainingStudyStatus status) {
    if (status == null) {
      return new StudyRun(1, null, null, null);
    }
    return new StudyRun(
        status.generation() == null ? 1 : status.generation(),
        status.startTime(),
        status.completionTime(),
        status.lastScheduleTime());
  }

  /** The next run, started now by the tick {@code due}. */
  StudyRun next(Instant due, Instant now) {
    return new StudyRun(generation + 1, now.toString(), null, due.toString());
  }

  Instant endedOr(Instant now) {
    return completed == null ? now : Instant.parse(completed);
  }

  Instant scheduledAt() {
    return scheduled == null ? null : Instant.parse(scheduled);
  }

  /** This run's trials; those created before runs were labelled belong to the first. */
  List<Trial> trialsOf(Collection<Trial> trials) {
    return trials.stream().filter(t -> generationOf(t) == generation).toList();
  }

  Map<String, String> label() {
    return Map.of(Labels.GENERATION, Integer.toString(generation));
  }

  private static int generationOf(Trial trial) {
    Map<String, String> labels = trial.getMetadata().getLabels();
    String value = labels == null ? null : labels.get(Labels.GENERATION);
    try {
      return value == null ? 1 : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
