package dev.paddock.operator.k8s.trial;

import dev.paddock.contract.TerminationMessage;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a trial's Job says: still running, or finished with the trainer's summary read from the
 * trainer container's termination message (DESIGN.md, "The trainer contract").
 *
 * @param finished true once the Job is Complete or Failed
 * @param status completed, stopped or failed (the trainer's word), when finished
 * @param heldSeconds wall seconds the trial's pods held their node's resources (its GPUs): from its
 *     first pod's binding to a node to the end of its Job or last pod, plus the time of any pod
 *     that ran beside another ({@link HeldTime}). The wait before it (queued, or unschedulable for
 *     want of GPUs) holds none and is not counted, so that a study's {@code maxGpuHours} is spent
 *     on training, not on waiting for a busy cluster
 */
public record JobOutcome(
    boolean finished,
    boolean succeeded,
    String status,
    int epoch,
    Map<String, Double> metrics,
    String error,
    long heldSeconds) {

  static final JobOutcome RUNNING = new JobOutcome(false, false, null, 0, Map.of(), null, 0);

  /**
   * Reads the Job's conditions and, once it has ended, its last pod's termination message.
   *
   * @param trialStart when the trial was first seen running, if it was: a pod that ran and was
   *     deleted since (preempted) is no longer among {@code pods} to say when it was bound
   */
  public static JobOutcome of(Job job, List<Pod> pods, String trialStart) {
    Optional<JobCondition> end = end(job);
    if (end.isEmpty()) {
      return RUNNING;
    }
    boolean succeeded = "Complete".equals(end.get().getType());
    String statusIfMissing = succeeded ? TerminationMessage.COMPLETED : TerminationMessage.FAILED;
    TerminationMessage summary = summary(pods, statusIfMissing).orElse(null);
    if (summary == null) {
      String why = succeeded ? null : end.get().getReason() + ": " + end.get().getMessage();
      return new JobOutcome(
          true,
          succeeded,
          statusIfMissing,
          0,
          Map.of(),
          why,
          HeldTime.seconds(job, end.get(), pods, trialStart));
    }
    String error =
        summary.error() != null ? summary.error() : succeeded ? null : end.get().getMessage();
    return new JobOutcome(
        true,
        succeeded,
        summary.status(),
        summary.epoch(),
        summary.metrics(),
        error,
        HeldTime.seconds(job, end.get(), pods, trialStart));
  }

  /** Whether the Job has ended (Complete or Failed), whatever its pods say. */
  static boolean ended(Job job) {
    return end(job).isPresent();
  }

  private static Optional<JobCondition> end(Job job) {
    return job.getStatus() == null || job.getStatus().getConditions() == null
        ? Optional.empty()
        : job.getStatus().getConditions().stream()
            .filter(
                c ->
                    ("Complete".equals(c.getType()) || "Failed".equals(c.getType()))
                        && "True".equals(c.getStatus()))
            .findFirst();
  }

  private static List<Pod> newestFirst(List<Pod> pods) {
    return pods.stream()
        .sorted(
            (a, b) ->
                b.getMetadata()
                    .getCreationTimestamp()
                    .compareTo(a.getMetadata().getCreationTimestamp()))
        .toList();
  }

  /**
   * The summary of the last pod whose trainer ended: the trainer's own, or, in a collected trial's
   * pod, the collector's when the trainer wrote none (a script that only prints: its message, kept
   * from its log on error, is not a summary unless it names a status).
   */
  private static Optional<TerminationMessage> summary(List<Pod> pods, String statusIfMissing) {
    for (Pod pod : newestFirst(pods)) {
      Optional<ContainerStateTerminated> trainer =
          terminated(
              pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses(),
              TrialJobs.TRAINER);
      if (trainer.isEmpty()) {
        continue;
      }
      Optional<ContainerStateTerminated> collector =
          terminated(pod.getStatus().getInitContainerStatuses(), CollectorSidecar.NAME);
      boolean collected =
          pod.getSpec() != null
              && pod.getSpec().getInitContainers() != null
              && pod.getSpec().getInitContainers().stream()
                  .anyMatch(c -> CollectorSidecar.NAME.equals(c.getName()));
      if (!collected) {
        return TerminationMessage.parse(trainer.get().getMessage(), statusIfMissing);
      }
      Optional<TerminationMessage> own =
          TerminationMessage.parse(trainer.get().getMessage(), null)
              .filter(m -> m.completed() || m.stopped() || m.failed());
      return own.isPresent()
          ? own
          : collector.flatMap(c -> TerminationMessage.parse(c.getMessage(), statusIfMissing));
    }
    return Optional.empty();
  }

  /** The named container's end: its state, or the state it last ended in before a restart. */
  private static Optional<ContainerStateTerminated> terminated(
      List<ContainerStatus> statuses, String name) {
    return Stream.ofNullable(statuses)
        .flatMap(List::stream)
        .filter(s -> name.equals(s.getName()))
        .flatMap(
            s ->
                Stream.of(s.getState(), s.getLastState())
                    .filter(state -> state != null && state.getTerminated() != null)
                    .map(state -> state.getTerminated()))
        .findFirst();
  }
}
