package dev.paddock.operator.k8s.trial;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import java.util.Objects;

/**
 * What a trial's Job says of its pod from the Job's status alone, which is all the operator
 * watches: the trial's pods are read only when this changes in a way that can change the trial's
 * status (a pod became ready, stopped being ready without succeeding, failed or is terminating). A
 * trial's pod changes a dozen times in its life (created, bound, started, ready, ended, finalizer
 * removed, deleted), and a pod watch decoded every change.
 *
 * @param ended the Job is Complete or Failed
 * @param ready a pod is ready: the trainer runs
 * @param podSucceeded a pod has succeeded (the Job's completion follows)
 * @param failed pods the Job counted as failed
 * @param terminating pods being deleted (a disruption, or the Job's own retry)
 * @param suspended the Job waits for its queue (Kueue) to admit it
 */
record JobProgress(
    boolean ended,
    boolean ready,
    boolean podSucceeded,
    int failed,
    int terminating,
    boolean suspended) {

  static JobProgress of(Job job) {
    JobStatus status = job.getStatus();
    boolean suspended = Boolean.TRUE.equals(job.getSpec().getSuspend());
    if (status == null) {
      return new JobProgress(false, false, false, 0, 0, suspended);
    }
    boolean uncountedSuccess =
        status.getUncountedTerminatedPods() != null
            && status.getUncountedTerminatedPods().getSucceeded() != null
            && !status.getUncountedTerminatedPods().getSucceeded().isEmpty();
    return new JobProgress(
        JobOutcome.ended(job),
        count(status.getReady()) > 0,
        count(status.getSucceeded()) > 0 || uncountedSuccess,
        count(status.getFailed()),
        count(status.getTerminating()),
        suspended);
  }

  private static int count(Integer value) {
    return Objects.requireNonNullElse(value, 0);
  }
}
