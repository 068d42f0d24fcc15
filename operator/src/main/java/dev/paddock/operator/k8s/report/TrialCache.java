package dev.paddock.operator.k8s.report;

import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.operator.k8s.Labels;
import dev.paddock.operator.report.TrialRef;
import io.fabric8.kubernetes.client.KubernetesClient;
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
 * The Trials of the watched namespaces, kept by a watch: an epoch report looks up its trial and its
 * study's trials here instead of asking the API server (a GET and a LIST per report would load the
 * server in proportion to running trials × epochs).
 */
public final class TrialCache implements AutoCloseable {

  private static final String BY_RUN = "run";

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
      informer.addIndexers(Map.of(BY_RUN, t -> List.of(runKey(t))));
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
    String key = Cache.namespaceKeyFunc(ref.namespace(), ref.name());
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
    String key = runKey(trial);
    List<Trial> trials = new ArrayList<>();
    informers.forEach(i -> trials.addAll(i.getIndexer().byIndex(BY_RUN, key)));
    return trials;
  }

  /** Trials in {@code phase}; a Trial with no status yet counts as Pending. */
  public long countInPhase(dev.paddock.api.v1alpha1.TrialPhase phase) {
    return informers.stream()
        .flatMap(i -> i.getStore().list().stream())
        .filter(
            t ->
                (t.getStatus() == null || t.getStatus().phase() == null
                        ? dev.paddock.api.v1alpha1.TrialPhase.Pending
                        : t.getStatus().phase())
                    == phase)
        .count();
  }

  private static String runKey(Trial trial) {
    Map<String, String> labels = trial.getMetadata().getLabels();
    String run = labels == null ? null : labels.get(Labels.GENERATION);
    return trial.getMetadata().getNamespace()
        + "/"
        + (labels == null ? "" : labels.get(Labels.STUDY))
        + "/"
        + (run == null ? "1" : run);
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
  }
}
