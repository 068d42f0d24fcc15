package dev.paddock.operator.k8s.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.StudyRetentionStatus;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.TrainingStudyStatus;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.api.v1alpha1.TrialSpec;
import dev.paddock.api.v1alpha1.TrialStatus;
import dev.paddock.contract.store.ArtifactStore;
import dev.paddock.contract.store.DirectoryStore;
import dev.paddock.contract.store.StoreUnavailableException;
import dev.paddock.operator.k8s.archive.RetiredTrials;
import dev.paddock.operator.search.TrialObservation;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a study imports from the studies in its historyFrom, live and retired. */
class StudyHistoryTest {

  @TempDir Path root;

  @Test
  void aDonorsRetiredTrialsAreImportedWithItsLiveOnesAndATrialInBothCountsOnce() {
    DirectoryStore store = new DirectoryStore(root);
    TrainingStudy donor = donor("uid-1", 2);
    RetiredTrials writer = new RetiredTrials();
    writer.retire(store, donor, trial(0, TrialPhase.Succeeded, 0.5));
    writer.retire(store, donor, trial(1, TrialPhase.Pruned, 0.4));
    // Recorded but not yet deleted: also live, with the same result.
    writer.retire(store, donor, trial(2, TrialPhase.Succeeded, 0.6));

    StudyHistory.Imported imported =
        new StudyHistory(new RetiredTrials()).retired(List.of(donor), () -> store);
    List<TrialObservation> observed =
        StudyHistory.observations(
            List.of(
                trial(2, TrialPhase.Succeeded, 0.6),
                trial(3, TrialPhase.Succeeded, 0.9),
                trial(4, TrialPhase.Running, null),
                trial(5, TrialPhase.Failed, null)),
            imported.retired());

    assertThat(imported.readable()).isTrue();
    assertThat(observed)
        .extracting(TrialObservation::index, TrialObservation::objective)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(0L, 0.5),
            org.assertj.core.groups.Tuple.tuple(1L, 0.4),
            org.assertj.core.groups.Tuple.tuple(2L, 0.6),
            org.assertj.core.groups.Tuple.tuple(3L, 0.9));
  }

  @Test
  void anUnreachableStoreIsAProblemOnlyWhenADonorHasRetiredTrials() {
    ArtifactStore down = new UnreachableStore();
    StudyHistory history = new StudyHistory(new RetiredTrials());

    StudyHistory.Imported none = history.retired(List.of(donor("uid-1", 0)), () -> down);
    StudyHistory.Imported some = history.retired(List.of(donor("uid-2", 3)), () -> down);

    assertThat(none.readable()).isTrue();
    assertThat(none.retired()).isEmpty();
    assertThat(some.readable()).isFalse();
    assertThat(some.storeProblem()).contains("connection refused");
  }

  private static TrainingStudy donor(String uid, int retired) {
    TrainingStudy study = new TrainingStudy();
    study.setMetadata(
        new ObjectMetaBuilder().withName("donor").withNamespace("ns").withUid(uid).build());
    study.setStatus(
        new TrainingStudyStatus(
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            new StudyRetentionStatus(retired, retired == 0 ? null : retired - 1, 0, null)));
    return study;
  }

  private static Trial trial(int index, TrialPhase phase, Double objective) {
    Trial trial = new Trial();
    trial.setMetadata(
        new ObjectMetaBuilder().withName("donor-" + index).withNamespace("ns").build());
    trial.setSpec(new TrialSpec("donor", index, 10, Map.of("lr", "0.0" + index)));
    trial.setStatus(
        new TrialStatus(
            phase, 1, 10, objective, null, null, null, null, null, null, 5L, null, null, null,
            null));
    return trial;
  }

  /** A store whose every call fails as an unreachable endpoint does. */
  private static final class UnreachableStore implements ArtifactStore {
    private static StoreUnavailableException down() {
      return new StoreUnavailableException("s3://bucket: connection refused", null);
    }

    @Override
    public List<String> list(String prefix) {
      throw down();
    }

    @Override
    public java.util.Optional<byte[]> get(String key) {
      throw down();
    }

    @Override
    public void put(String key, byte[] content) {
      throw down();
    }

    @Override
    public void putFile(String key, java.nio.file.Path file) {
      throw down();
    }

    @Override
    public java.io.InputStream open(String key) {
      throw down();
    }

    @Override
    public void delete(String key) {
      throw down();
    }

    @Override
    public void copy(String fromKey, String toKey) {
      throw down();
    }

    @Override
    public void deletePrefix(String prefix) {
      throw down();
    }

    @Override
    public String uri(String prefix) {
      return "s3://bucket/" + prefix;
    }
  }
}
