package dev.paddock.operator.k8s.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.api.v1alpha1.TrialSpec;
import dev.paddock.api.v1alpha1.TrialStatus;
import dev.paddock.contract.store.DirectoryStore;
import dev.paddock.operator.study.SuggestionBasis;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records of retired trials, on a directory store. */
class RetiredTrialsTest {

  @TempDir Path root;

  @Test
  void aRetiredTrialIsReadBackWithItsResultByAFreshOperator() {
    DirectoryStore store = new DirectoryStore(root);
    new RetiredTrials().retire(store, study("uid-1"), trial(3, 0.71));

    var read = new RetiredTrials().read(store, study("uid-1"), true);

    assertThat(read)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.getMetadata().getName()).isEqualTo("s-3");
              assertThat(t.getSpec().index()).isEqualTo(3);
              assertThat(t.getSpec().parameters()).containsEntry("lr", "0.01");
              assertThat(t.getStatus().objective()).isEqualTo(0.71);
              assertThat(t.getStatus().phase()).isEqualTo(TrialPhase.Succeeded);
            });
    assertThat(store.list("studies/ns/s/retired/uid-1/"))
        .containsExactly("studies/ns/s/retired/uid-1/s-3.json");
  }

  @Test
  void aRetiredTrialKeepsTheBasisOfItsSuggestionAndNoOtherAnnotation() {
    DirectoryStore store = new DirectoryStore(root);
    Trial trial = trial(3, 0.71);
    trial
        .getMetadata()
        .setAnnotations(Map.of(SuggestionBasis.ANNOTATION, "2-4;0:AQ", "paddock.dev/stop", "goal"));
    new RetiredTrials().retire(store, study("uid-1"), trial);

    var read = new RetiredTrials().read(store, study("uid-1"), true);

    assertThat(read.get(0).getMetadata().getAnnotations())
        .containsExactly(Map.entry(SuggestionBasis.ANNOTATION, "2-4;0:AQ"));
  }

  @Test
  void aRecreatedStudyOfTheSameNameDoesNotInheritTheRecords() {
    DirectoryStore store = new DirectoryStore(root);
    new RetiredTrials().retire(store, study("uid-1"), trial(3, 0.71));

    assertThat(new RetiredTrials().read(store, study("uid-2"), true)).isEmpty();
  }

  @Test
  void theStoreIsNotReadWhenTheStatusSaysNothingWasRetired() {
    DirectoryStore store = new DirectoryStore(root);
    new RetiredTrials().retire(store, study("uid-1"), trial(3, 0.71));
    RetiredTrials fresh = new RetiredTrials();

    assertThat(fresh.read(store, study("uid-1"), false)).isEmpty();
    // What this process retires itself is known at once, without reading the store again.
    fresh.retire(store, study("uid-1"), trial(4, 0.5));
    assertThat(fresh.read(store, study("uid-1"), true))
        .extracting(t -> t.getMetadata().getName())
        .containsExactly("s-4");
  }

  private static TrainingStudy study(String uid) {
    TrainingStudy study = new TrainingStudy();
    study.setMetadata(
        new ObjectMetaBuilder().withName("s").withNamespace("ns").withUid(uid).build());
    return study;
  }

  private static Trial trial(int index, double objective) {
    Trial trial = new Trial();
    trial.setMetadata(
        new ObjectMetaBuilder()
            .withName("s-" + index)
            .withNamespace("ns")
            .withUid("t-" + index)
            .build());
    trial.setSpec(new TrialSpec("s", index, 10, Map.of("lr", "0.01")));
    trial.setStatus(
        new TrialStatus(
            TrialPhase.Succeeded,
            1,
            10,
            objective,
            null,
            null,
            null,
            null,
            null,
            null,
            5L,
            "Completed",
            "trained",
            null,
            null));
    return trial;
  }
}
