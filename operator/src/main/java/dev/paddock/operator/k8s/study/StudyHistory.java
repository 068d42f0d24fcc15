package dev.paddock.operator.k8s.study;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.contract.store.StoreUnavailableException;
import dev.paddock.operator.k8s.StudyTrials;
import dev.paddock.operator.k8s.archive.RetiredTrials;
import dev.paddock.operator.search.TrialObservation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a study learns from the studies in its {@code search.historyFrom}: every finished trial they
 * ever had, the ones their retention deleted included (their records in the store), as the local
 * runner does. Without the retired ones a donor's history would shrink as its retention works, and
 * the learner's suggestions would depend on when it was reconciled.
 */
final class StudyHistory {

  /**
   * @param retired the donors' retired trials
   * @param storeProblem why some could not be read (the study then waits, as for its own retired
   *     trials); null when all could
   */
  record Imported(List<Trial> retired, String storeProblem) {
    static final Imported NONE = new Imported(List.of(), null);

    boolean readable() {
      return storeProblem == null;
    }
  }

  private final RetiredTrials records;

  StudyHistory(RetiredTrials records) {
    this.records = records;
  }

  /** The retired trials of {@code donors}, read from the store once per donor per process. */
  Imported retired(Collection<TrainingStudy> donors, Supplier<ArtifactStore> store) {
    if (donors.isEmpty()) {
      return Imported.NONE;
    }
    List<Trial> retired = new ArrayList<>();
    try {
      for (TrainingStudy donor : donors) {
        retired.addAll(records.read(store.get(), donor, mayHaveRetired(donor)));
      }
    } catch (StoreUnavailableException e) {
      return new Imported(List.of(), e.getMessage());
    }
    return new Imported(List.copyOf(retired), null);
  }

  /**
   * The finished trials with a result, live and retired: a trial in both (recorded, not yet
   * deleted) counts once, as its live copy.
   */
  static List<TrialObservation> observations(Collection<Trial> live, Collection<Trial> retired) {
    Map<String, Trial> all = new LinkedHashMap<>();
    retired.forEach(
        t -> all.put(t.getMetadata().getNamespace() + "/" + t.getMetadata().getName(), t));
    live.forEach(t -> all.put(t.getMetadata().getNamespace() + "/" + t.getMetadata().getName(), t));
    return all.values().stream()
        .map(t -> StudyTrials.of(t).observation())
        .filter(TrialObservation::hasResult)
        .toList();
  }

  private static boolean mayHaveRetired(TrainingStudy donor) {
    var status = donor.getStatus();
    return status != null
        && status.retention() != null
        && Objects.requireNonNullElse(status.retention().retired(), 0) > 0;
  }
}
