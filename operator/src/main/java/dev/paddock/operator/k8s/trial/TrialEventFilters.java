package dev.paddock.operator.k8s.trial;

import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * Which updates of a trial's Job can change its status, so that the others wake no reconcile: a
 * Job's status changes several times while it runs (pods created and counted, finalizers removed),
 * but a trial's status follows only what {@link JobProgress} reads from it. Additions and deletions
 * always reconcile.
 */
final class TrialEventFilters {

  private TrialEventFilters() {}

  static boolean jobUpdateMatters(Job now, Job before) {
    return !JobProgress.of(now).equals(JobProgress.of(before));
  }
}
