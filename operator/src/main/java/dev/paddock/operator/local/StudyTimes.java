package dev.paddock.operator.local;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.TrainingStudyStatus;
import dev.paddock.operator.study.StudyPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * When a local study started and ended, as its status records them. A rerun carries them over from
 * the study's last status: the start is the first run's, and the end stays put while a rerun finds
 * nothing to do; it moves only when the study ends again after running more trials.
 */
final class StudyTimes {

  private final Instant started;
  private Instant completed;

  private StudyTimes(Instant started, Instant completed) {
    this.started = started;
    this.completed = completed;
  }

  /** The times of the study whose status is {@code statusFile}, or a study starting now. */
  static StudyTimes resume(Path statusFile, Instant now) {
    if (!Files.isRegularFile(statusFile)) {
      return new StudyTimes(now, null);
    }
    TrainingStudyStatus status = JsonFiles.read(statusFile, TrainingStudy.class).getStatus();
    if (status == null || status.startTime() == null) {
      return new StudyTimes(now, null);
    }
    return new StudyTimes(Instant.parse(status.startTime()), parse(status.completionTime()));
  }

  /** Records the plan's step: a study that is not ended has no end time (yet, or any more). */
  void update(StudyPlan plan, Instant now) {
    if (!plan.phase().isTerminal()) {
      completed = null;
    } else if (completed == null) {
      completed = now;
    }
  }

  Instant started() {
    return started;
  }

  /** When the study ended; null while it runs. */
  Instant completed() {
    return completed;
  }

  /** Its end, or now while it runs. */
  Instant endOr(Instant now) {
    return completed != null ? completed : now;
  }

  Duration elapsed(Instant now) {
    return Duration.between(started, endOr(now));
  }

  private static Instant parse(String time) {
    return time == null ? null : Instant.parse(time);
  }
}
