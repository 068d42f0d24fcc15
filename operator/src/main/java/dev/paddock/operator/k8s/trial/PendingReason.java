package dev.paddock.operator.k8s.trial;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Why a trial that has not started is waiting, in the words of whoever holds it up: its queue (a
 * suspended Job), the scheduler (no node has the GPUs), or the kubelet (an image that cannot be
 * pulled, a container being created), so that {@code kubectl get trials} says more than "Pending".
 */
record PendingReason(String reason, String message) {

  private static final int MAX_MESSAGE = 900;

  static PendingReason of(JobProgress job, List<Pod> pods, String queue) {
    if (job.suspended()) {
      return new PendingReason(
          QUEUED,
          queue == null
              ? "the trial's Job is suspended"
              : "waiting for queue " + queue + " to admit the trial's Job");
    }
    Optional<Pod> newest =
        pods.stream().max(Comparator.comparing((Pod p) -> p.getMetadata().getCreationTimestamp()));
    if (newest.isEmpty()) {
      return new PendingReason("Pending", "waiting for the trial's pod to be created");
    }
    Pod pod = newest.get();
    Optional<PodCondition> unscheduled = unscheduled(pod);
    if (unscheduled.isPresent()) {
      return new PendingReason(
          "Unschedulable",
          bounded("the trial's pod cannot be scheduled: " + unscheduled.get().getMessage()));
    }
    return trainerWaiting(pod)
        .map(w -> new PendingReason(w.reason(), bounded(w.message())))
        .orElse(new PendingReason("Pending", "waiting for the trial's pod to start"));
  }

  /** The reason Queued: a suspended Job waiting for its queue. */
  static final String QUEUED = "Queued";

  /** The reason Inadmissible: Kueue cannot admit the Job at all (its queue is missing, stopped). */
  static final String INADMISSIBLE = KueueAdmission.INADMISSIBLE;

  /**
   * A suspended Job in Kueue's words, from its Workload's {@code QuotaReserved} condition: Kueue
   * cannot admit it (the LocalQueue or ClusterQueue is missing or stopped), has admitted it (the
   * Job starts next), or it waits in its ClusterQueue, with what it lacks (e.g. "insufficient
   * unused quota for nvidia.com/gpu in flavor gpu, 1 more needed").
   *
   * @param queue the study's LocalQueue
   * @param clusterQueue the ClusterQueue the study's LocalQueue feeds; null if unknown
   * @param status the condition's status; null (as reason and message) before Kueue looked at it
   * @param reason the condition's reason
   * @param message the condition's message
   */
  static PendingReason kueue(
      String queue, String clusterQueue, String status, String reason, String message) {
    if (INADMISSIBLE.equals(reason)) {
      return new PendingReason(
          INADMISSIBLE,
          bounded(
              "Kueue cannot admit the trial's Job: "
                  + (message == null ? "queue " + queue + " is missing or stopped" : message)));
    }
    String where =
        clusterQueue == null ? "from LocalQueue " + queue : "in ClusterQueue " + clusterQueue;
    if ("True".equals(status)) {
      return new PendingReason(
          "Admitted", "Kueue has admitted the trial's Job " + where + "; it starts next");
    }
    return new PendingReason(
        QUEUED,
        bounded(
            "waiting for Kueue to admit the trial's Job "
                + where
                + (message == null || message.isBlank() ? "" : ": " + message)));
  }

  private static Optional<PodCondition> unscheduled(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream()
        .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()))
        .filter(c -> c.getMessage() != null)
        .findFirst();
  }

  private record Waiting(String reason, String message) {}

  /** The trainer container's waiting state (ContainerCreating, ImagePullBackOff, ...). */
  private static Optional<Waiting> trainerWaiting(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getContainerStatuses().stream()
        .filter(s -> TrialJobs.TRAINER.equals(s.getName()))
        .map(ContainerStatus::getState)
        .filter(s -> s != null && s.getWaiting() != null && s.getWaiting().getReason() != null)
        .map(s -> s.getWaiting())
        .map(
            w ->
                new Waiting(
                    w.getReason(),
                    "the trainer container is waiting: "
                        + w.getReason()
                        + (w.getMessage() == null ? "" : ": " + w.getMessage())))
        .findFirst();
  }

  private static String bounded(String message) {
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
  }
}
