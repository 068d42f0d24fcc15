package dev.paddock.testsupport.kubelet;

import java.util.Collection;

/**
 * A pod's phase from its containers, as the kubelet computes it: Pending until a container has
 * started, Running while any runs or will restart, and once all have ended for good Succeeded when
 * every exit code was 0, else Failed.
 */
final class PodPhases {

  private PodPhases() {}

  /**
   * @param ended no container will run again (exited under its restart policy, or the pod is being
   *     stopped)
   */
  static String of(Collection<ContainerSlot> containers, boolean ended) {
    if (ended && containers.stream().allMatch(ContainerSlot::isTerminated)) {
      return containers.stream().allMatch(c -> c.exitCode() == 0) ? "Succeeded" : "Failed";
    }
    if (ended) {
      return "Failed";
    }
    boolean started =
        containers.stream().anyMatch(c -> c.isRunning() || c.isTerminated() || c.process() != null);
    return started ? "Running" : "Pending";
  }

  /** Whether a container that exited with this code runs again under the pod's restart policy. */
  static boolean restarts(String restartPolicy, int exitCode) {
    if ("Never".equals(restartPolicy)) {
      return false;
    }
    return !"OnFailure".equals(restartPolicy) || exitCode != 0;
  }
}
