package dev.paddock.operator.study;

import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.Suggestion;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.search.TrialState;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The study's next step as a pure function of its definition, its trials, the GPU time used and
 * whether it is suspended. Called on every reconcile (and by the local runner's loop): nothing is
 * remembered between calls, so a restarted operator plans exactly as before, and raising {@code
 * maxTrials} on a finished study simply resumes it.
 */
public final class StudyPlanner {

  private StudyPlanner() {}

  /**
   * @param imported finished trials of other studies ({@code search.historyFrom})
   * @param gpuSeconds GPU seconds used by the study's trials so far
   */
  public static StudyPlan plan(
      StudyDefinition study,
      List<StudyTrial> trials,
      List<TrialObservation> imported,
      double gpuSeconds,
      boolean suspended) {
    TrialCounts counts = TrialCounts.of(trials);
    Optional<StudyTrial> best = best(study.objective().direction(), trials);
    Outcome outcome = new Outcome(counts, best);

    if (best.isPresent()
        && study.objective().goal() != null
        && study.objective().goalReached(best.get().observation().objective())) {
      return outcome.stop(
          StudyPhase.SUCCEEDED,
          "GoalReached",
          String.format(
              Locale.ROOT,
              "%s reached %s = %s (goal %s)",
              best.get().name(),
              study.objective().metric(),
              number(best.get().observation().objective()),
              number(study.objective().goal())));
    }
    Integer maxFailed = study.budget().maxFailedTrials();
    if (maxFailed != null && counts.failed() > maxFailed) {
      return outcome.stop(
          StudyPhase.FAILED,
          "TooManyFailedTrials",
          counts.failed() + " trials failed, more than maxFailedTrials " + maxFailed);
    }
    if (suspended) {
      return outcome.stop(StudyPhase.SUSPENDED, "Suspended", "suspended: no trial runs or starts");
    }
    Double maxGpuHours = study.budget().maxGpuHours();
    if (maxGpuHours != null && gpuSeconds >= maxGpuHours * 3600) {
      String used =
          String.format(
              Locale.ROOT, "%.2f of %s GPU hours used", gpuSeconds / 3600, number(maxGpuHours));
      return outcome.drain("GpuBudgetExhausted", used);
    }
    return progress(study, trials, imported, outcome);
  }

  private static StudyPlan progress(
      StudyDefinition study,
      List<StudyTrial> trials,
      List<TrialObservation> imported,
      Outcome outcome) {
    TrialCounts counts = outcome.counts;
    int remaining = Math.max(0, study.budget().maxTrials() - counts.created());
    int slots = Math.min(Math.max(0, study.budget().parallelism() - counts.running()), remaining);
    NextTrials.Planned next =
        slots == 0
            ? new NextTrials.Planned(List.of(), Map.of())
            : NextTrials.plan(study, trials, imported, slots);
    List<Suggestion> create = next.suggestions();
    if (remaining == 0) {
      return outcome.drain(
          "MaxTrialsReached",
          counts.created() + " of " + study.budget().maxTrials() + " trials created");
    }
    if (create.isEmpty() && slots > 0) {
      return outcome.drain(
          "SearchSpaceExhausted", "every point of the search space has been tried");
    }
    String message =
        counts.finished()
            + " of "
            + study.budget().maxTrials()
            + " trials finished, "
            + (counts.running() + create.size())
            + " running";
    return new StudyPlan(
        StudyPhase.RUNNING,
        "TrialsRunning",
        message,
        create,
        next.bases(),
        false,
        counts,
        outcome.best);
  }

  /** The succeeded trial with the best objective; ties go to the lower index. */
  static Optional<StudyTrial> best(Direction direction, List<StudyTrial> trials) {
    Comparator<StudyTrial> better =
        Comparator.comparing(
                (StudyTrial t) -> t.observation().objective(),
                (a, b) -> direction.isBetter(a, b) ? -1 : direction.isBetter(b, a) ? 1 : 0)
            .thenComparingLong(t -> t.observation().index());
    return trials.stream()
        .filter(t -> t.observation().state() == TrialState.SUCCEEDED && t.observation().hasResult())
        .min(better);
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.6g", value).replaceAll("\\.?0+(e|$)", "$1");
  }

  /** The parts of a plan that do not depend on the decision. */
  private record Outcome(TrialCounts counts, Optional<StudyTrial> best) {

    StudyPlan stop(StudyPhase phase, String reason, String message) {
      return new StudyPlan(phase, reason, message, counts.running() > 0, counts, best);
    }

    /** No more trials start; the study ends once the running ones have. */
    StudyPlan drain(String reason, String message) {
      if (counts.running() > 0) {
        String waiting = message + "; waiting for " + counts.running() + " running trials";
        return new StudyPlan(StudyPhase.RUNNING, reason, waiting, false, counts, best);
      }
      if (counts.created() > 0 && counts.succeeded() == 0) {
        return new StudyPlan(
            StudyPhase.FAILED,
            "NoTrialSucceeded",
            message + "; none of them succeeded",
            false,
            counts,
            best);
      }
      return new StudyPlan(StudyPhase.SUCCEEDED, reason, message, false, counts, best);
    }
  }
}
