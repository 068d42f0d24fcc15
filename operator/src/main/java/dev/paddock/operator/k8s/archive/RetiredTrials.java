package dev.paddock.operator.k8s.archive;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.operator.study.SuggestionBasis;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The records of trials that retention deleted: the Trial (spec and final status) as one object
 * under {@code studies/<ns>/<study>/retired/<study-uid>/<trial>.json}, written before the Trial is
 * deleted. The study keeps counting them and the sampler keeps learning from them, so suggestions
 * stay a pure function of the study and every trial it ever had, and no name is reused. The study's
 * UID in the key keeps a recreated study of the same name from inheriting them.
 *
 * <p>Read from the store at most once per study per operator process, then kept in memory (this
 * process, the leader, is the only writer).
 */
public final class RetiredTrials {

  private final KubernetesSerialization serialization = new KubernetesSerialization();
  private final Map<String, Map<String, Trial>> byStudy = new ConcurrentHashMap<>();

  public static String prefix(TrainingStudy study) {
    return "studies/"
        + study.getMetadata().getNamespace()
        + "/"
        + study.getMetadata().getName()
        + "/retired/"
        + study.getMetadata().getUid()
        + "/";
  }

  /**
   * The study's retired trials.
   *
   * @param mayExist whether the study's status says it has retired trials; when it does not and
   *     nothing is cached, there are none (a trial is deleted only after its record is written and
   *     the status counts it), so the store is not read
   * @throws dev.paddock.contract.store.StoreUnavailableException the store had to be read and could
   *     not be
   */
  public List<Trial> read(ArtifactStore store, TrainingStudy study, boolean mayExist) {
    String uid = study.getMetadata().getUid();
    Map<String, Trial> known = byStudy.get(uid);
    if (known == null && !mayExist) {
      known = byStudy.computeIfAbsent(uid, u -> new ConcurrentHashMap<>());
    }
    if (known == null) {
      known = byStudy.computeIfAbsent(uid, u -> load(store, study));
    }
    return List.copyOf(known.values());
  }

  /** Records a trial before it is deleted. */
  public void retire(ArtifactStore store, TrainingStudy study, Trial trial) {
    Map<String, Trial> known =
        byStudy.computeIfAbsent(study.getMetadata().getUid(), uid -> load(store, study));
    String key = prefix(study) + trial.getMetadata().getName() + ".json";
    store.put(key, serialization.asJson(record(trial)).getBytes(StandardCharsets.UTF_8));
    known.put(key, record(trial));
  }

  private static Map<String, String> basis(Trial trial) {
    Map<String, String> annotations = trial.getMetadata().getAnnotations();
    String basis = annotations == null ? null : annotations.get(SuggestionBasis.ANNOTATION);
    return basis == null ? null : Map.of(SuggestionBasis.ANNOTATION, basis);
  }

  /** Drops what is cached for a study (it was deleted). */
  public void forget(String studyUid) {
    byStudy.remove(studyUid);
  }

  private Map<String, Trial> load(ArtifactStore store, TrainingStudy study) {
    Map<String, Trial> loaded = new ConcurrentHashMap<>();
    for (String key : store.list(prefix(study))) {
      store
          .get(key)
          .ifPresent(
              bytes ->
                  loaded.put(
                      key,
                      serialization.unmarshal(
                          new String(bytes, StandardCharsets.UTF_8), Trial.class)));
    }
    return loaded;
  }

  /**
   * The parts that matter once the object is gone: name, labels, the basis of its suggestion (which
   * refills a lost index of its batch), spec and final status.
   */
  private static Trial record(Trial trial) {
    Trial kept = new Trial();
    kept.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
            .withName(trial.getMetadata().getName())
            .withNamespace(trial.getMetadata().getNamespace())
            .withUid(trial.getMetadata().getUid())
            .withLabels(trial.getMetadata().getLabels())
            .withAnnotations(basis(trial))
            .build());
    kept.setSpec(trial.getSpec());
    kept.setStatus(trial.getStatus());
    return kept;
  }
}
