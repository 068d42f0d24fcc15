package dev.paddock.operator.k8s.trial;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Objects;

/**
 * Which updates of a trial's Job and pods can change its status, so that the others wake no
 * reconcile: a Job's status changes several times while it runs (active, ready, pod counts), and a
 * pod's as it is scheduled, started and tracked, but a trial's status only follows the Job's end
 * and its pods' phases and disruptions. Additions and deletions always reconcile.
 */
final class TrialEventFilters {

  private TrialEventFilters() {}

  /** A Job update matters when the Job ends (how its pods run comes from the pods). */
  static boolean jobUpdateMatters(Job now, Job before) {
    return JobOutcome.ended(now) != JobOutcome.ended(before);
  }

  /** A pod update matters when its phase changes, it is disrupted, or its deletion begins. */
  static boolean podUpdateMatters(Pod now, Pod before) {
    return !Objects.equals(phase(now), phase(before))
        || disrupted(now) != disrupted(before)
        || deleting(now) != deleting(before);
  }

  private static String phase(Pod pod) {
    return pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }

  private static boolean disrupted(Pod pod) {
    return PodHistory.of(java.util.List.of(pod)).disruptions() > 0;
  }

  private static boolean deleting(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() != null;
  }
}
