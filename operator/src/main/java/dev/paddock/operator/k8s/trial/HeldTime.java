package dev.paddock.operator.k8s.trial;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How long a trial's pods held their nodes' resources (its GPUs), in seconds: from the first
 * binding of one of its pods to a node (or from the trial's first run, where that pod is gone) to
 * the end of its Job or of its last pod, whichever is later; plus, wherever two of its pods held
 * nodes at the same time, each one's time. The Job controller can start a second pod for a trial
 * whose pod is still running or has already succeeded (seen after a kube-apiserver restart): that
 * pod's node time is spent by the study too and counts against {@code maxGpuHours}.
 */
final class HeldTime {

  private HeldTime() {}

  /** A pod's time on its node, from its binding to its end. */
  record Interval(Instant from, Instant to) {
    long seconds() {
      return Math.max(0, Duration.between(from, to).toSeconds());
    }
  }

  static long seconds(Job job, JobCondition end, List<Pod> pods, String trialStart) {
    Instant jobEnd = jobEnd(job, end);
    List<Interval> held =
        pods.stream().map(p -> interval(p, jobEnd)).flatMap(Optional::stream).toList();
    Optional<Instant> firstHeld =
        Stream.concat(
                held.stream().map(Interval::from),
                Stream.ofNullable(trialStart).map(Instant::parse))
            .min(Comparator.naturalOrder());
    String jobStart = job.getStatus().getStartTime();
    Optional<Instant> from =
        firstHeld.isPresent() ? firstHeld : Optional.ofNullable(jobStart).map(Instant::parse);
    if (from.isEmpty()) {
      return 0;
    }
    Instant to =
        Stream.concat(Stream.of(jobEnd), held.stream().map(Interval::to))
            .max(Comparator.naturalOrder())
            .orElseThrow();
    return new Interval(from.get(), to).seconds() + overlap(held);
  }

  /**
   * Seconds during which more than one pod held a node, counted once per extra pod: the pods' own
   * times summed, less the time at least one of them held a node.
   */
  static long overlap(List<Interval> held) {
    long sum = held.stream().mapToLong(Interval::seconds).sum();
    List<Interval> sorted = new ArrayList<>(held);
    sorted.sort(Comparator.comparing(Interval::from));
    long union = 0;
    Interval current = null;
    for (Interval next : sorted) {
      if (current != null && !next.from().isAfter(current.to())) {
        current =
            next.to().isAfter(current.to()) ? new Interval(current.from(), next.to()) : current;
        continue;
      }
      union += current == null ? 0 : current.seconds();
      current = next;
    }
    union += current == null ? 0 : current.seconds();
    return Math.max(0, sum - union);
  }

  /** A failed Job may have no completionTime; its Failed condition says when it ended. */
  private static Instant jobEnd(Job job, JobCondition end) {
    String completed = job.getStatus().getCompletionTime();
    String ended = completed != null ? completed : end.getLastTransitionTime();
    return ended != null ? Instant.parse(ended) : Instant.now();
  }

  /**
   * From the pod's binding to when its last container finished; a pod still running when its Job
   * ended holds its node until then; one that ended without saying when is taken to have held its
   * node for no time of its own (the span from the first binding still counts it).
   */
  private static Optional<Interval> interval(Pod pod, Instant jobEnd) {
    Optional<Instant> bound = boundAt(pod);
    if (bound.isEmpty()) {
      return Optional.empty();
    }
    Optional<Instant> finished = finishedAt(pod);
    String phase = pod.getStatus().getPhase();
    boolean ended = "Succeeded".equals(phase) || "Failed".equals(phase);
    Instant to = finished.orElse(ended ? bound.get() : jobEnd);
    return Optional.of(new Interval(bound.get(), to.isBefore(bound.get()) ? bound.get() : to));
  }

  /** When the scheduler bound the pod to a node: its PodScheduled condition turned True. */
  private static Optional<Instant> boundAt(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream()
        .filter(c -> "PodScheduled".equals(c.getType()) && "True".equals(c.getStatus()))
        .map(PodCondition::getLastTransitionTime)
        .filter(Objects::nonNull)
        .map(Instant::parse)
        .findFirst();
  }

  private static Optional<Instant> finishedAt(Pod pod) {
    List<ContainerStatus> statuses = pod.getStatus().getContainerStatuses();
    if (statuses == null || statuses.isEmpty()) {
      return Optional.empty();
    }
    List<Instant> ends = new ArrayList<>();
    for (ContainerStatus s : statuses) {
      if (s.getState() == null
          || s.getState().getTerminated() == null
          || s.getState().getTerminated().getFinishedAt() == null) {
        return Optional.empty();
      }
      ends.add(Instant.parse(s.getState().getTerminated().getFinishedAt()));
    }
    return ends.stream().max(Comparator.naturalOrder());
  }
}
