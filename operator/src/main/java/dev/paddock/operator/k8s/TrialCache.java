package dev.paddock.operator.k8s;

import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.operator.epochreport.TrialRef;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Trials of the watched namespaces, kept by one watch per namespace that the whole process
 * shares: the report endpoint looks up a reporting trial and its run here (a GET and a LIST per
 * report would load the API server in proportion to running trials × epochs), and the study
 * reconciler reads its trials and is woken by their changes through it ({@code StudyTrialSource}).
 * It runs on every replica, leader or standby, because every replica answers reports. One watch
 * instead of one per reader: every Trial write is sent to, and decoded by, each watch.
 */
public final class TrialCache implements AutoCloseable {

  private static final String BY_RUN = "run";
  private static final String BY_STUDY = "study";

  private final List<SharedIndexInformer<Trial>> informers = new ArrayList<>();

  /** Starts watching and returns once the cache holds every Trial. */
  public static TrialCache start(KubernetesClient client, Set<String> namespaces) {
    TrialCache cache = new TrialCache();
    if (namespaces.isEmpty()) {
      cache.informers.add(
          client
              .resources(Trial.class)
              .inAnyNamespace()
              .withLabel(Labels.STUDY)
              .runnableInformer(0));
    } else {
      namespaces.forEach(
          ns ->
              cache.informers.add(
                  client
                      .resources(Trial.class)
                      .inNamespace(ns)
                      .withLabel(Labels.STUDY)
                      .runnableInformer(0)));
    }
    for (SharedIndexInformer<Trial> informer : cache.informers) {
      informer.addIndexers(
          Map.of(BY_RUN, t -> List.of(runKey(t)), BY_STUDY, t -> List.of(studyKey(t))));
    }
    try {
      CompletableFuture.allOf(
              cache.informers.stream()
                  .map(i -> i.start().toCompletableFuture())
                  .toArray(CompletableFuture[]::new))
          .get(2, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cache.close();
      throw new IllegalStateException("interrupted while listing Trials", e);
    } catch (ExecutionException | TimeoutException e) {
      cache.close();
      throw new IllegalStateException("cannot watch Trials: " + e.getMessage(), e);
    }
    return cache;
  }

  public Optional<Trial> get(TrialRef ref) {
    return get(ref.namespace(), ref.name());
  }

  public Optional<Trial> get(String namespace, String name) {
    String key = Cache.namespaceKeyFunc(namespace, name);
    for (SharedIndexInformer<Trial> informer : informers) {
      Trial trial = informer.getIndexer().getByKey(key);
      if (trial != null) {
        return Optional.of(trial);
      }
    }
    return Optional.empty();
  }

  /** The trials of the same study and run as {@code trial} (itself included). */
  public List<Trial> sameRun(Trial trial) {
    return byIndex(BY_RUN, runKey(trial));
  }

  /** Every trial of a study, of all its runs. */
  public List<Trial> ofStudy(String namespace, String study) {
    return byIndex(BY_STUDY, studyKey(namespace, study));
  }

  /**
   * Calls {@code handler} on every Trial change from now on; a cache already running first calls
   * its {@code onAdd} for every Trial it holds.
   */
  public void addHandler(ResourceEventHandler<Trial> handler) {
    informers.forEach(i -> i.addEventHandler(handler));
  }

  public void removeHandler(ResourceEventHandler<Trial> handler) {
    informers.forEach(i -> i.removeEventHandler(handler));
  }

  /** Trials in {@code phase}; a Trial with no status yet counts as Pending. */
  public long countInPhase(TrialPhase phase) {
    return informers.stream()
        .flatMap(i -> i.getStore().list().stream())
        .filter(
            t ->
                (t.getStatus() == null || t.getStatus().phase() == null
                        ? TrialPhase.Pending
                        : t.getStatus().phase())
                    == phase)
        .count();
  }

  private List<Trial> byIndex(String index, String key) {
    List<Trial> trials = new ArrayList<>();
    informers.forEach(i -> trials.addAll(i.getIndexer().byIndex(index, key)));
    return trials;
  }

  /** The study a trial belongs to, {@code namespace/name}, from its label. */
  public static String studyKey(Trial trial) {
    Map<String, String> labels = trial.getMetadata().getLabels();
    return studyKey(
        trial.getMetadata().getNamespace(), labels == null ? "" : labels.get(Labels.STUDY));
  }

  /** The key of the study {@code study} in {@code namespace}, as {@link #studyKey(Trial)} gives. */
  public static String studyKey(String namespace, String study) {
    return namespace + "/" + study;
  }

  private static String runKey(Trial trial) {
    Map<String, String> labels = trial.getMetadata().getLabels();
    String run = labels == null ? null : labels.get(Labels.GENERATION);
    return studyKey(trial) + "/" + (run == null ? "1" : run);
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }
}
