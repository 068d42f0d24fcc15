package dev.paddock.operator.k8s.trial;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.List;
import java.util.Optional;

/**
 * What a trial's pods say about its attempts: each pod is one attempt; a pod that failed with a
 * {@code DisruptionTarget} condition (preemption, eviction, node loss) was disrupted, which the
 * Job's pod failure policy retries without counting it against {@code maxRetries}.
 *
 * @param disruption the reason of the latest disruption, if any
 */
record PodHistory(int attempts, int disruptions, boolean running, Optional<String> disruption) {

  static PodHistory of(List<Pod> pods) {
    int disruptions = 0;
    Optional<String> latest = Optional.empty();
    boolean running = false;
    List<Pod> byAge =
        pods.stream()
            .sorted(
                (a, b) ->
                    a.getMetadata()
                        .getCreationTimestamp()
                        .compareTo(b.getMetadata().getCreationTimestamp()))
            .toList();
    for (Pod pod : byAge) {
      running |= pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
      Optional<PodCondition> disrupted = disruption(pod);
      if (disrupted.isPresent()) {
        disruptions++;
        latest =
            Optional.of(
                disrupted.get().getReason() == null
                    ? "DisruptionTarget"
                    : disrupted.get().getReason());
      }
    }
    return new PodHistory(Math.max(1, pods.size()), disruptions, running, latest);
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
