package dev.paddock.operator.bench.chaos;

import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * What happens in a scenario's namespace, as it happens, from informers of the suite's own client:
 * every Trial and Job object ever seen (by UID, so one deleted and created again under the same
 * name counts twice), the pods of each Job in phase Running at the same time, and when trials were
 * created and ended (the study's progress).
 */
final class Recorder implements AutoCloseable {

  /** One moment of progress: a Trial created, or one that reached an end phase. */
  record Progress(long nanos, String what) {}

  private final Map<String, Set<String>> trialUids = new ConcurrentHashMap<>();
  private final Map<String, Long> trialCreated = new ConcurrentHashMap<>();
  private final Map<String, Long> trialEnded = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> jobUids = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> runningPods = new ConcurrentHashMap<>();
  private final Map<String, Integer> maxRunningPods = new ConcurrentHashMap<>();

  /** A pod of a Job seen Running on a node, and when. */
  private record PodRun(String job, String pod, String node, long nanos) {}

  private final List<PodRun> podsRunning = new CopyOnWriteArrayList<>();
  private final List<Progress> progress = new CopyOnWriteArrayList<>();
  private final List<BiConsumer<Trial, Recorder>> onTrialAdded = new CopyOnWriteArrayList<>();
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();

  Recorder(KubernetesClient client, String namespace) {
    informers.add(
        client
            .resources(Trial.class)
            .inNamespace(namespace)
            .inform(handler(this::trialSeen, this::trialSeen), 0));
    informers.add(
        client
            .batch()
            .v1()
            .jobs()
            .inNamespace(namespace)
            .inform(handler(this::jobSeen, this::jobSeen), 0));
    informers.add(
        client.pods().inNamespace(namespace).inform(handler(this::podSeen, this::podGone), 0));
  }

  private static <T extends HasMetadata> ResourceEventHandler<T> handler(
      java.util.function.Consumer<T> seen, java.util.function.Consumer<T> gone) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        seen.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        seen.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        gone.accept(obj);
      }
    };
  }

  /** Runs {@code hook} on the informer's thread each time a Trial not seen before appears. */
  void onTrialAdded(BiConsumer<Trial, Recorder> hook) {
    onTrialAdded.add(hook);
  }

  private void trialSeen(Trial trial) {
    String name = trial.getMetadata().getName();
    long now = System.nanoTime();
    boolean added =
        trialUids
            .computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet())
            .add(trial.getMetadata().getUid());
    if (added) {
      trialCreated.putIfAbsent(name, now);
      progress.add(new Progress(now, "created " + name));
      onTrialAdded.forEach(h -> h.accept(trial, this));
    }
    TrialPhase phase = trial.getStatus() == null ? null : trial.getStatus().phase();
    if (ended(phase) && trialEnded.putIfAbsent(name, now) == null) {
      progress.add(new Progress(now, "ended " + name));
    }
  }

  static boolean ended(TrialPhase phase) {
    return phase == TrialPhase.Succeeded
        || phase == TrialPhase.Failed
        || phase == TrialPhase.Pruned;
  }

  private void jobSeen(Job job) {
    jobUids
        .computeIfAbsent(job.getMetadata().getName(), n -> ConcurrentHashMap.newKeySet())
        .add(job.getMetadata().getUid());
  }

  private void podSeen(Pod pod) {
    String job = jobOf(pod);
    if (job == null) {
      return;
    }
    String name = pod.getMetadata().getName();
    boolean running = pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
    synchronized (runningPods) {
      Set<String> pods = runningPods.computeIfAbsent(job, j -> ConcurrentHashMap.newKeySet());
      if (running) {
        if (pods.add(name)) {
          podsRunning.add(new PodRun(job, name, pod.getSpec().getNodeName(), System.nanoTime()));
        }
        maxRunningPods.merge(job, pods.size(), Math::max);
      } else {
        pods.remove(name);
      }
    }
  }

  private void podGone(Pod pod) {
    String job = jobOf(pod);
    if (job != null) {
      synchronized (runningPods) {
        runningPods.getOrDefault(job, Set.of()).remove(pod.getMetadata().getName());
      }
    }
  }

  private static String jobOf(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels == null ? null : labels.get("batch.kubernetes.io/job-name");
  }

  int trialsSeen() {
    return trialUids.size();
  }

  int trialsEnded() {
    return trialEnded.size();
  }

  /** Trial names seen under more than one UID (created twice). */
  List<String> recreatedTrials() {
    return trialUids.entrySet().stream()
        .filter(e -> e.getValue().size() > 1)
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /** Job names seen under more than one UID. */
  List<String> recreatedJobs() {
    return jobUids.entrySet().stream()
        .filter(e -> e.getValue().size() > 1)
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  Set<String> jobNames() {
    return Set.copyOf(jobUids.keySet());
  }

  /** Jobs that had two or more pods in phase Running at once. */
  List<String> jobsWithConcurrentPods() {
    return maxRunningPods.entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /** The Jobs with a pod Running on {@code node} right now. */
  List<String> jobsRunningOn(String node) {
    List<String> jobs = new ArrayList<>();
    synchronized (runningPods) {
      for (PodRun seen : podsRunning) {
        if (node.equals(seen.node())
            && runningPods.getOrDefault(seen.job(), Set.of()).contains(seen.pod())) {
          jobs.add(seen.job());
        }
      }
    }
    return jobs;
  }

  /**
   * When {@code job} first had a pod Running on a node other than {@code node} after {@code
   * afterNanos}, or -1.
   */
  long podRunningElsewhere(String job, String node, long afterNanos) {
    return podsRunning.stream()
        .filter(p -> p.job().equals(job) && !node.equals(p.node()) && p.nanos() > afterNanos)
        .mapToLong(PodRun::nanos)
        .findFirst()
        .orElse(-1);
  }

  Long createdAt(String trial) {
    return trialCreated.get(trial);
  }

  /** The first progress after {@code nanos}, or null. */
  Progress firstProgressAfter(long nanos) {
    return progress.stream().filter(p -> p.nanos() > nanos).findFirst().orElse(null);
  }

  /** The last moment of progress. */
  long lastProgress() {
    return progress.isEmpty() ? 0 : progress.get(progress.size() - 1).nanos();
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }
}
