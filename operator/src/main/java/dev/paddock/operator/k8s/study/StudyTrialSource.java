package dev.paddock.operator.k8s.study;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.operator.k8s.Labels;
import dev.paddock.operator.k8s.TrialCache;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A study's trials, and the events that wake its reconcile, from the process's one {@link
 * TrialCache} rather than an informer of its own: every Trial write is sent to each watch and
 * decoded by each, and the cache's watch runs anyway (the report endpoint needs it on every
 * replica). Reads go through the cache's index by study, never JOSDK's {@code
 * getSecondaryResources}, which collects into a hash set (hashing a Trial walks all of it) and was
 * a fifth of the operator's CPU with thousands of trials.
 *
 * <p>The trials this operator has just created and the cache has not delivered yet are kept here
 * until it does, so a reconcile never plans (and creates) them again.
 */
final class StudyTrialSource extends AbstractEventSource<Trial, TrainingStudy>
    implements ResourceEventHandler<Trial> {

  private final TrialCache cache;
  private final Map<String, Map<String, Trial>> created = new ConcurrentHashMap<>();

  StudyTrialSource(TrialCache cache) {
    super(Trial.class, "study-trials");
    this.cache = cache;
  }

  @Override
  public void start() {
    super.start();
    cache.addHandler(this);
  }

  @Override
  public void stop() {
    cache.removeHandler(this);
    super.stop();
  }

  @Override
  public void onAdd(Trial trial) {
    // A trial this operator created: the reconcile that created it has counted it already (as
    // JOSDK's informer event sources skip the events of a reconciler's own writes).
    Map<String, Trial> pending = created.get(TrialCache.studyKey(trial));
    Trial own = pending == null ? null : pending.get(trial.getMetadata().getName());
    if (own == null
        || !Objects.equals(
            own.getMetadata().getResourceVersion(), trial.getMetadata().getResourceVersion())) {
      wake(trial);
    }
  }

  @Override
  public void onUpdate(Trial before, Trial after) {
    // The informer's resync and a write that changed nothing carry the same version.
    if (!Objects.equals(
        before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion())) {
      wake(after);
    }
  }

  @Override
  public void onDelete(Trial trial, boolean finalStateUnknown) {
    wake(trial);
  }

  private void wake(Trial trial) {
    Map<String, String> labels = trial.getMetadata().getLabels();
    String study = labels == null ? null : labels.get(Labels.STUDY);
    if (study != null && isRunning()) {
      getEventHandler()
          .handleEvent(new Event(new ResourceID(study, trial.getMetadata().getNamespace())));
    }
  }

  /** JOSDK's secondary-resource view; the reconciler reads {@link #of} instead. */
  @Override
  public Set<Trial> getSecondaryResources(TrainingStudy study) {
    return new HashSet<>(of(study));
  }

  /** Keeps a trial this operator has just created until the cache delivers it. */
  void created(Trial trial) {
    created
        .computeIfAbsent(TrialCache.studyKey(trial), k -> new ConcurrentHashMap<>())
        .put(trial.getMetadata().getName(), trial);
  }

  /** The study's trials, of all its runs: the cache's, and those just created not yet in it. */
  List<Trial> of(TrainingStudy study) {
    return of(study.getMetadata().getNamespace(), study.getMetadata().getName());
  }

  /** The trials of the study {@code name} in {@code namespace}, of all its runs. */
  List<Trial> of(String namespace, String name) {
    String key = TrialCache.studyKey(namespace, name);
    List<Trial> trials = new ArrayList<>(cache.ofStudy(namespace, name));
    Map<String, Trial> pending = created.get(key);
    if (pending == null) {
      return trials;
    }
    for (Trial trial : pending.values()) {
      if (cache.get(namespace, trial.getMetadata().getName()).isPresent()) {
        pending.remove(trial.getMetadata().getName());
      } else {
        trials.add(trial);
      }
    }
    created.remove(key, Map.of());
    return trials;
  }
}
