package dev.paddock.operator.bench;

import dev.paddock.api.v1alpha1.Grade;
import dev.paddock.api.v1alpha1.MetricSummary;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.api.v1alpha1.TrialStatus;
import dev.paddock.operator.k8s.ClusterSettings;
import dev.paddock.operator.k8s.Labels;
import dev.paddock.operator.k8s.study.StudyTrialWrites;
import dev.paddock.operator.k8s.trial.TrialJobs;
import dev.paddock.operator.k8s.trial.TrialStatusWriter;
import dev.paddock.operator.search.Suggestion;
import dev.paddock.operator.study.StudyDefinition;
import dev.paddock.operator.study.StudyDefinitions;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bound: trials kept by the benchmark's own client with no operator, doing only the API calls
 * every Paddock trial makes: a Trial create (owned by its study), its Job's create (owned by the
 * Trial), a Trial status write when the Job says its pod is ready (Running), and once the Job has
 * ended, a list of its pods (where the trainer's summary is) and the final status write (the fields
 * the operator writes). No operator logic, no Trial or pod watch: the best that any operator that
 * keeps Trial objects could reach on this machine. Never more than {@code inFlight} unfinished.
 */
final class BareTrialsRun {

  private static final String FIELD_MANAGER = "paddock-bench";
  private static final ClusterSettings SETTINGS =
      new ClusterSettings("http://paddock:8080/v1/report", "s3://paddock", null, null, null, null);

  private final KubernetesClient client;
  private final TrainingStudy study;
  private final StudyDefinition definition;
  // A trial's Running write, which its final write must follow.
  private final Map<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();
  private final Set<String> ended = ConcurrentHashMap.newKeySet();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final AtomicInteger finished = new AtomicInteger();
  private final AtomicInteger created = new AtomicInteger();
  private final AtomicLong firstWaveAt = new AtomicLong();
  private final AtomicLong lastFinishedAt = new AtomicLong();
  private final Semaphore slots;
  private final int firstWave;
  // Writes off the informer's thread, as an operator's workers would make them.
  private final ExecutorService writers = Executors.newFixedThreadPool(16);

  private BareTrialsRun(KubernetesClient client, TrainingStudy study, int inFlight, int total) {
    this.client = client;
    this.study = study;
    this.definition = StudyDefinitions.from(study.getMetadata().getName(), study.getSpec());
    this.slots = new Semaphore(inFlight);
    this.firstWave = Math.min(inFlight, total);
  }

  /**
   * @param study created here (no operator reconciles it): the owner of the Trials, as in Paddock
   */
  static CeilingRun.Result run(
      KubernetesClient client, TrainingStudy study, int total, int inFlight, Duration timeout)
      throws InterruptedException {
    TrainingStudy owner = client.resource(study).create();
    return new BareTrialsRun(client, owner, inFlight, total).run(total, timeout);
  }

  private CeilingRun.Result run(int total, Duration timeout) throws InterruptedException {
    String namespace = study.getMetadata().getNamespace();
    SharedIndexInformer<Job> informer =
        client.batch().v1().jobs().inNamespace(namespace).inform(onJob(), 0);
    try {
      long start = System.nanoTime();
      long deadline = System.nanoTime() + timeout.toNanos();
      for (int i = 0; i < total; i++) {
        if (!slots.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
          throw new IllegalStateException(
              "the bare trials did not end in " + timeout, failure.get());
        }
        int index = i;
        CompletableFuture.runAsync(() -> create(index), writers).exceptionally(this::failed);
      }
      while (finished.get() < total) {
        if (failure.get() != null) {
          throw new IllegalStateException("a bare trial's call failed", failure.get());
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the bare trials did not all end in " + timeout + ": " + finished + " of " + total);
        }
        OperatorProcess.sleep(100);
      }
      return new CeilingRun.Result(
          total, (lastFinishedAt.get() - start) / 1e9, (firstWaveAt.get() - start) / 1e9);
    } finally {
      writers.shutdown();
      writers.awaitTermination(1, TimeUnit.MINUTES);
      informer.close();
    }
  }

  private void create(int index) {
    Trial trial = client.resource(trial(index)).create();
    Job job = TrialJobs.render(study, trial, SETTINGS, "token");
    client.resource(job).create();
    if (created.incrementAndGet() == firstWave) {
      firstWaveAt.compareAndSet(0, System.nanoTime());
    }
  }

  private ResourceEventHandler<Job> onJob() {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(Job job) {
        onUpdate(null, job);
      }

      @Override
      public void onUpdate(Job before, Job job) {
        String name = job.getMetadata().getName();
        if (CeilingRun.ended(job)) {
          if (ended.add(name)) {
            running
                .getOrDefault(name, CompletableFuture.completedFuture(null))
                .thenRunAsync(() -> finish(name), writers)
                .exceptionally(BareTrialsRun.this::failed);
          }
        } else if (ready(job) && !running.containsKey(name)) {
          running.put(
              name,
              CompletableFuture.runAsync(() -> writeStatus(name, runningStatus(name)), writers));
        }
      }

      @Override
      public void onDelete(Job job, boolean unknownFinalState) {}
    };
  }

  private Void failed(Throwable error) {
    failure.compareAndSet(null, error);
    return null;
  }

  private static boolean ready(Job job) {
    Integer ready = job.getStatus() == null ? null : job.getStatus().getReady();
    return ready != null && ready > 0;
  }

  private void finish(String name) {
    client
        .pods()
        .inNamespace(study.getMetadata().getNamespace())
        .withLabel(Labels.TRIAL, name)
        .list();
    writeStatus(name, finalStatus(name));
    running.remove(name);
    lastFinishedAt.set(System.nanoTime());
    finished.incrementAndGet();
    slots.release();
  }

  /** The operator's way: a server-side apply of the whole status ({@link TrialStatusWriter}). */
  private void writeStatus(String name, TrialStatus status) {
    Trial named = new Trial();
    named.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(study.getMetadata().getNamespace())
            .build());
    TrialStatusWriter.apply(client, FIELD_MANAGER, named, status);
  }

  private Trial trial(int index) {
    return StudyTrialWrites.trial(
        study,
        definition,
        new Suggestion(index, Map.of("lr", "0.0123", "batch_size", "128"), "random"));
  }

  private TrialStatus runningStatus(String name) {
    return new TrialStatus(
        TrialPhase.Running,
        1,
        null,
        null,
        null,
        null,
        null,
        null,
        artifacts(name),
        null,
        null,
        "Running",
        "the trainer is running (attempt 1)",
        Instant.now().toString(),
        null);
  }

  /** The fields the operator's final status has for a trial of the benchmark's study. */
  private TrialStatus finalStatus(String name) {
    return new TrialStatus(
        TrialPhase.Succeeded,
        1,
        3,
        0.8731,
        Map.of(
            "val_f1", new MetricSummary(0.8731, 0.8731),
            "val_loss", new MetricSummary(0.3312, 0.3312)),
        List.of(List.of(1.0, 0.7512), List.of(2.0, 0.8404), List.of(3.0, 0.8731)),
        Grade.B,
        "QS-B-" + name.substring(name.lastIndexOf('-') + 1),
        artifacts(name),
        null,
        5L,
        "Completed",
        "completed 3 epochs; val_f1 0.8731",
        Instant.now().minusSeconds(5).toString(),
        Instant.now().toString());
  }

  private String artifacts(String name) {
    return "s3://paddock/" + study.getMetadata().getNamespace() + "/" + name + "/";
  }
}
