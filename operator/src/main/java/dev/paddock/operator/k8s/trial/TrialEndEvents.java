package dev.paddock.operator.k8s.trial;

import dev.paddock.api.v1alpha1.TrialPhase;
import java.util.stream.Stream;

/**
 * Which trial endings become Kubernetes Events: every failure (a Warning someone must look at), and
 * the first {@link #NORMAL_PER_STUDY} successful or pruned endings of a study. Beyond that an event
 * per trial is one API write each that nobody reads (a study may run thousands of trials; events
 * expire within the hour); the trial's status keeps its phase, reason, grade and code, and the
 * study's own events tell its story.
 */
final class TrialEndEvents {

  static final int NORMAL_PER_STUDY = 25;

  private TrialEndEvents() {}

  /**
   * @param others the phases of the study's other trials, read only until {@link #NORMAL_PER_STUDY}
   *     endings are found (not all of them for each trial that ends)
   */
  static boolean recorded(TrialPhase phase, Stream<TrialPhase> others) {
    return phase == TrialPhase.Failed
        || others.filter(TrialReconciler::isFinished).limit(NORMAL_PER_STUDY).count()
            < NORMAL_PER_STUDY;
  }
}
