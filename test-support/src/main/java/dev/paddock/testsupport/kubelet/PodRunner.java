package dev.paddock.testsupport.kubelet;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one pod's containers as local processes and reports them in the pod's status: each container
 * in its own thread, restarted per the pod's restart policy with a small back-off; readiness from
 * its probe. {@link #stop} is the kubelet's termination of a deleted pod.
 */
final class PodRunner {

  private static final System.Logger LOG = System.getLogger(PodRunner.class.getName());
  private static final long CONFIG_RETRY_MILLIS = 2000;

  private final HarnessContext context;
  private final Pod pod;
  private final String podIp;
  private final Path directory;
  private final ContainerLauncher launcher;
  private final Instant startTime = Instant.now();
  private final Map<String, ContainerSlot> slots = new LinkedHashMap<>();
  private final List<ScheduledFuture<?>> probes = new ArrayList<>();
  private final CountDownLatch exited;
  private final Object publishing = new Object();
  private boolean stopping;
  private boolean silenced;

  PodRunner(HarnessContext context, Pod pod, String podIp) {
    this.context = context;
    this.pod = pod;
    this.podIp = podIp;
    this.directory =
        context
            .podsDirectory()
            .resolve(pod.getMetadata().getNamespace())
            .resolve(
                pod.getMetadata().getName() + "-" + pod.getMetadata().getUid().substring(0, 8));
    this.launcher = new ContainerLauncher(context, pod, podIp, directory);
    pod.getSpec().getContainers().forEach(c -> slots.put(c.getName(), new ContainerSlot(c)));
    this.exited = new CountDownLatch(slots.size());
  }

  boolean is(String namespace, String name) {
    return pod.getMetadata().getNamespace().equals(namespace)
        && pod.getMetadata().getName().equals(name);
  }

  Path directory() {
    return directory;
  }

  String podIp() {
    return podIp;
  }

  void start() {
    try {
      Files.createDirectories(directory.resolve("tmp"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    publish();
    for (ContainerSlot slot : slots.values()) {
      context.containerThreads().submit(() -> runContainer(slot));
      if (ReadinessProbeLoop.supported(slot.spec)) {
        probes.add(
            ReadinessProbeLoop.schedule(
                context.probeThreads(),
                slot.spec,
                podIp,
                () -> isRunning(slot),
                ready -> readiness(slot, ready)));
      }
    }
  }

  private void runContainer(ContainerSlot slot) {
    try {
      while (runOnce(slot)) {
        long backoff = Math.min(10_000, 1000L << Math.min(4, slot.status().getRestartCount()));
        TimeUnit.MILLISECONDS.sleep(backoff);
        synchronized (this) {
          if (stopping) {
            break;
          }
          slot.restarting();
        }
        publish();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "container " + slot.name() + " of " + key() + " broke the harness", e);
    } finally {
      exited.countDown();
      publish();
    }
  }

  /** Runs the container until it exits; @return whether it runs again */
  private boolean runOnce(ContainerSlot slot) throws InterruptedException {
    ContainerProcess process = null;
    while (process == null) {
      synchronized (this) {
        if (stopping) {
          return false;
        }
      }
      try {
        process = launcher.launch(slot.spec);
      } catch (ContainerConfigException e) {
        synchronized (this) {
          slot.waiting(e.reason(), e.getMessage());
        }
        publish();
        TimeUnit.MILLISECONDS.sleep(CONFIG_RETRY_MILLIS);
      }
    }
    synchronized (this) {
      slot.running(process, !ReadinessProbeLoop.supported(slot.spec));
      if (stopping) {
        process.stop(0); // stop() came while this one was starting
      }
    }
    publish();
    int exitCode = process.awaitExit();
    String message =
        TerminationMessage.read(
            launcher.terminationFile(slot.name()),
            slot.spec.getTerminationMessagePolicy(),
            exitCode,
            launcher.logFile(slot.name()),
            process.logOffset());
    synchronized (this) {
      slot.terminated(exitCode, message);
      return !stopping && PodPhases.restarts(pod.getSpec().getRestartPolicy(), exitCode);
    }
  }

  private synchronized boolean isRunning(ContainerSlot slot) {
    return slot.isRunning() && !stopping;
  }

  private void readiness(ContainerSlot slot, boolean ready) {
    boolean changed;
    synchronized (this) {
      changed = slot.setReady(ready);
    }
    if (changed) {
      publish();
    }
  }

  /**
   * The kubelet's termination of a deleted pod: SIGTERM to every container, SIGKILL after the grace
   * period; returns once every container has exited and its final status was written.
   */
  void stop(long graceSeconds) {
    List<ContainerProcess> running = new ArrayList<>();
    synchronized (this) {
      if (stopping) {
        return;
      }
      stopping = true;
      slots.values().stream()
          .filter(ContainerSlot::isRunning)
          .forEach(s -> running.add(s.process()));
    }
    probes.forEach(p -> p.cancel(false));
    CompletableFuture.allOf(
            running.stream()
                .map(
                    p ->
                        CompletableFuture.runAsync(
                            () -> p.stop(graceSeconds), context.containerThreads()))
                .toArray(CompletableFuture[]::new))
        .join();
    try {
      exited.await(graceSeconds + 30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** After the harness closed: nothing more is written. */
  synchronized void silence() {
    silenced = true;
  }

  /** Writes the pod's status as the harness sees it now; writes never overtake each other. */
  void publish() {
    synchronized (publishing) {
      PodStatusWriter.Snapshot snapshot;
      synchronized (this) {
        if (silenced) {
          return;
        }
        List<ContainerStatus> statuses = new ArrayList<>();
        slots.values().forEach(s -> statuses.add(s.status()));
        // Ended once every container's thread is done: none will run again.
        String phase = PodPhases.of(slots.values(), exited.getCount() == 0);
        snapshot = new PodStatusWriter.Snapshot(phase, podIp, startTime, statuses);
      }
      try {
        context
            .writer()
            .write(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), snapshot);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "cannot write the status of " + key(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private String key() {
    return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
  }
}
