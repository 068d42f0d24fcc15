package dev.paddock.operator.bench.scale;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The benchmark's own view of one namespace, from informers: per study, when its Trials were
 * created, first Running and ended (nanoTime), the largest status of any TrainingStudy and any
 * Trial (bytes of its JSON), and the Trial updates that wrote a new reported epoch.
 */
final class StudyWatch implements AutoCloseable {

  /** One study's trials as seen so far. */
  static final class Counts {
    final Set<String> created = ConcurrentHashMap.newKeySet();
    final Set<String> started = ConcurrentHashMap.newKeySet();
    final Set<String> ended = ConcurrentHashMap.newKeySet();
    volatile long firstCreatedAt;
    volatile long firstStartedAt;
    volatile long lastEndedAt;
  }

  record Largest(long bytes, String name) {}

  private final KubernetesSerialization json;
  private final Map<String, Counts> studies = new ConcurrentHashMap<>();
  private final Queue<Trial> newlyRunning = new ConcurrentLinkedQueue<>();
  private final AtomicLong epochWrites = new AtomicLong();
  private final AtomicLong trialUpdates = new AtomicLong();
  private volatile Largest trialStatus = new Largest(0, "-");
  private volatile Largest studyStatus = new Largest(0, "-");
  private final SharedIndexInformer<Trial> trials;
  private final SharedIndexInformer<TrainingStudy> studyInformer;

  StudyWatch(KubernetesClient client, String namespace) {
    this.json = client.getKubernetesSerialization();
    this.trials =
        client
            .resources(Trial.class)
            .inNamespace(namespace)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Trial trial) {
                    seen(null, trial);
                  }

                  @Override
                  public void onUpdate(Trial old, Trial trial) {
                    seen(old, trial);
                  }

                  @Override
                  public void onDelete(Trial trial, boolean unknown) {}
                },
                0);
    this.studyInformer =
        client
            .resources(TrainingStudy.class)
            .inNamespace(namespace)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(TrainingStudy study) {
                    measure(study);
                  }

                  @Override
                  public void onUpdate(TrainingStudy old, TrainingStudy study) {
                    measure(study);
                  }

                  @Override
                  public void onDelete(TrainingStudy study, boolean unknown) {}
                },
                0);
  }

  private void measure(TrainingStudy study) {
    if (study.getStatus() == null) {
      return;
    }
    long bytes = json.asJson(study.getStatus()).getBytes(StandardCharsets.UTF_8).length;
    synchronized (this) {
      if (bytes > studyStatus.bytes()) {
        studyStatus = new Largest(bytes, study.getMetadata().getName());
      }
    }
  }

  private void seen(Trial old, Trial trial) {
    long now = System.nanoTime();
    Counts counts = studies.computeIfAbsent(trial.getSpec().study(), s -> new Counts());
    String name = trial.getMetadata().getName();
    if (counts.created.add(name) && counts.firstCreatedAt == 0) {
      counts.firstCreatedAt = now;
    }
    if (old != null) {
      trialUpdates.incrementAndGet();
    }
    if (trial.getStatus() == null) {
      return;
    }
    long bytes = json.asJson(trial.getStatus()).getBytes(StandardCharsets.UTF_8).length;
    synchronized (this) {
      if (bytes > trialStatus.bytes()) {
        trialStatus = new Largest(bytes, name);
      }
    }
    TrialPhase phase = trial.getStatus().phase();
    if (phase == TrialPhase.Running && old != null && running(old)) {
      Integer before = old.getStatus().epoch();
      if (trial.getStatus().epoch() != null && !Objects.equals(before, trial.getStatus().epoch())) {
        epochWrites.incrementAndGet();
      }
    }
    if (phase != null && phase != TrialPhase.Pending) {
      if (counts.started.add(name)) {
        if (counts.firstStartedAt == 0) {
          counts.firstStartedAt = now;
        }
        if (phase == TrialPhase.Running) {
          newlyRunning.add(trial);
        }
      }
    }
    if (phase == TrialPhase.Succeeded || phase == TrialPhase.Failed || phase == TrialPhase.Pruned) {
      if (counts.ended.add(name)) {
        counts.lastEndedAt = now;
      }
    }
  }

  private static boolean running(Trial trial) {
    return trial.getStatus() != null && trial.getStatus().phase() == TrialPhase.Running;
  }

  Counts of(String study) {
    return studies.computeIfAbsent(study, s -> new Counts());
  }

  /** Trials that became Running since the last call, for the report load's trainers. */
  Queue<Trial> newlyRunning() {
    return newlyRunning;
  }

  /** The Trial as the informer has it now (null once deleted). */
  Trial current(String namespace, String name) {
    return trials.getStore().getByKey(namespace + "/" + name);
  }

  long epochWrites() {
    return epochWrites.get();
  }

  long trialUpdates() {
    return trialUpdates.get();
  }

  Largest largestTrialStatus() {
    return trialStatus;
  }

  Largest largestStudyStatus() {
    return studyStatus;
  }

  int endedTotal() {
    return studies.values().stream().mapToInt(c -> c.ended.size()).sum();
  }

  int createdTotal() {
    return studies.values().stream().mapToInt(c -> c.created.size()).sum();
  }

  int startedTotal() {
    return studies.values().stream().mapToInt(c -> c.started.size()).sum();
  }

  /** Waits until the condition holds; the time it did (nanoTime), or -1 at the deadline. */
  static long await(BooleanSupplier condition, long deadlineNanos) {
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadlineNanos) {
        return -1;
      }
      sleep(50);
    }
    return System.nanoTime();
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    trials.close();
    studyInformer.close();
  }
}
