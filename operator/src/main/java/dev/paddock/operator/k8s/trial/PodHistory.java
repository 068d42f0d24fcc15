package dev.paddock.operator.k8s.trial;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a trial's pods say about its attempts: each pod is one attempt; a pod that failed with a
 * {@code DisruptionTarget} condition (preemption, eviction, node loss) was disrupted, which the
 * Job's pod failure policy retries without counting it against {@code maxRetries}.
 *
 * @param disruption the reason of the latest disruption, if any
 * @param lastDisrupted the attempt (1-based, by age) of the newest disrupted pod, 0 if none
 * @param anyEnded a pod has ended (Succeeded or Failed) and is still there to say so
 * @param running a pod runs and is not being deleted
 */
record PodHistory(
    int attempts,
    int disruptions,
    boolean running,
    Optional<String> disruption,
    int lastDisrupted,
    boolean anyEnded) {

  /** A trial's first attempt, running, as its Job alone can tell. */
  static final PodHistory FIRST_RUNNING = new PodHistory(1, 0, true, Optional.empty(), 0, false);

  static PodHistory of(List<Pod> pods) {
    int disruptions = 0;
    Optional<String> latest = Optional.empty();
    boolean running = false;
    boolean anyEnded = false;
    int lastDisrupted = 0;
    List<Pod> byAge =
        pods.stream()
            .sorted(
                (a, b) ->
                    a.getMetadata()
                        .getCreationTimestamp()
                        .compareTo(b.getMetadata().getCreationTimestamp()))
            .toList();
    for (int i = 0; i < byAge.size(); i++) {
      Pod pod = byAge.get(i);
      String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
      running |= "Running".equals(phase) && pod.getMetadata().getDeletionTimestamp() == null;
      anyEnded |= "Succeeded".equals(phase) || "Failed".equals(phase);
      Optional<PodCondition> disrupted = disruption(pod);
      if (disrupted.isPresent()) {
        disruptions++;
        lastDisrupted = i + 1;
        latest =
            Optional.of(
                disrupted.get().getReason() == null
                    ? "DisruptionTarget"
                    : disrupted.get().getReason());
      }
    }
    return new PodHistory(
        Math.max(1, pods.size()), disruptions, running, latest, lastDisrupted, anyEnded);
  }

  /**
   * When the trainer container first started, in any of {@code pods} that are still there: the
   * earliest start its container statuses record, running or terminated. Empty when none started (a
   * pod that never ran, or one preempted before it did).
   */
  static Optional<String> trainerStart(List<Pod> pods) {
    return pods.stream()
        .filter(p -> p.getStatus() != null && p.getStatus().getContainerStatuses() != null)
        .flatMap(p -> p.getStatus().getContainerStatuses().stream())
        .filter(s -> TrialJobs.TRAINER.equals(s.getName()) && s.getState() != null)
        .map(PodHistory::startedAt)
        .flatMap(Optional::stream)
        .min(Comparator.comparing(Instant::parse));
  }

  private static Optional<String> startedAt(ContainerStatus status) {
    ContainerState state = status.getState();
    if (state.getRunning() != null) {
      return Optional.ofNullable(state.getRunning().getStartedAt());
    }
    return state.getTerminated() == null
        ? Optional.empty()
        : Optional.ofNullable(state.getTerminated().getStartedAt());
  }

  private static Optional<PodCondition> disruption(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream()
        .filter(c -> "DisruptionTarget".equals(c.getType()) && "True".equals(c.getStatus()))
        .findFirst();
  }
}
