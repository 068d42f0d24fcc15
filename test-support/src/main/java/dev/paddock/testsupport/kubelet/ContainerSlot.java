package dev.paddock.testsupport.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;

/**
 * What the harness knows of one container of a pod: its state now (waiting, running or terminated),
 * its last termination, restart count and readiness, and its process while one runs. Read and
 * written under the owning pod's lock.
 */
final class ContainerSlot {

  final Container spec;
  private ContainerState state;
  private ContainerState lastState = new ContainerState();
  private int restartCount;
  private boolean ready;
  private ContainerProcess process;

  ContainerSlot(Container spec) {
    this.spec = spec;
    this.state = waitingState("ContainerCreating", null);
  }

  String name() {
    return spec.getName();
  }

  void waiting(String reason, String message) {
    state = waitingState(reason, message);
    ready = false;
  }

  /**
   * @param readyAtStart no readiness probe: ready as soon as it runs
   */
  void running(ContainerProcess process, boolean readyAtStart) {
    this.process = process;
    this.ready = readyAtStart;
    state =
        new ContainerStateBuilder()
            .withNewRunning()
            .withStartedAt(Times.of(process.startedAt()))
            .endRunning()
            .build();
  }

  void terminated(int exitCode, String message) {
    state =
        new ContainerStateBuilder()
            .withNewTerminated()
            .withExitCode(exitCode)
            .withReason(exitCode == 0 ? "Completed" : "Error")
            .withMessage(message == null || message.isEmpty() ? null : message)
            .withStartedAt(Times.of(process.startedAt()))
            .withFinishedAt(Times.now())
            .withContainerID(containerId())
            .endTerminated()
            .build();
    ready = false;
  }

  /** Before a restart: the termination becomes the last state. */
  void restarting() {
    lastState = state;
    restartCount++;
    state = waitingState("CrashLoopBackOff", "back-off restarting container " + name());
  }

  boolean isRunning() {
    return state.getRunning() != null;
  }

  boolean isTerminated() {
    return state.getTerminated() != null;
  }

  Integer exitCode() {
    return isTerminated() ? state.getTerminated().getExitCode() : null;
  }

  ContainerProcess process() {
    return process;
  }

  boolean ready() {
    return ready;
  }

  /**
   * @return whether readiness changed
   */
  boolean setReady(boolean value) {
    boolean effective = value && isRunning();
    boolean changed = effective != ready;
    ready = effective;
    return changed;
  }

  ContainerStatus status() {
    return new ContainerStatusBuilder()
        .withName(name())
        .withImage(spec.getImage())
        .withImageID("")
        .withContainerID(process == null ? null : containerId())
        .withState(state)
        .withLastState(lastState)
        .withRestartCount(restartCount)
        .withReady(ready)
        .withStarted(isRunning())
        .build();
  }

  private String containerId() {
    return "harness://" + process.pid();
  }

  private static ContainerState waitingState(String reason, String message) {
    return new ContainerStateBuilder()
        .withNewWaiting()
        .withReason(reason)
        .withMessage(message)
        .endWaiting()
        .build();
  }
}
