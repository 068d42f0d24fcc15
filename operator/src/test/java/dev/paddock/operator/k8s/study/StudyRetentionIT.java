package dev.paddock.operator.k8s.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.StudyPhase;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.contract.store.S3Store;
import dev.paddock.operator.archive.ArchiveKeys;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import dev.paddock.testsupport.MinioExtension;
import dev.paddock.testsupport.MinioServer;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Retention on a real control plane (the real Job TTL controller and garbage collector) and a real
 * MinIO: Jobs and pods of finished trials go after podTTLSeconds, Trials beyond keepTrials are
 * deleted (never the archived one) yet still counted, names are never reused, a dry run deletes
 * nothing and says what it would delete, and artifacts outlive their study unless asked.
 */
@ExtendWith({KubeClusterExtension.class, MinioExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudyRetentionIT {

  private ClusterStudyFixture fixture;

  @BeforeAll
  void start(KubeCluster cluster, MinioServer minio) {
    fixture = new ClusterStudyFixture(cluster, minio, "retention");
  }

  @AfterAll
  void stop() {
    fixture.close();
  }

  @Test
  void finishedTrialsLoseTheirJobsAndTheWorstBeyondKeepTrialsAreRetiredButStillCounted() {
    String namespace = fixture.cluster.createNamespace("retention");
    fixture.putTrainerFiles(namespace, 8);
    fixture.createStudy(
        namespace,
        "budget: {maxTrials: 6, parallelism: 2}",
        "  archive: {topPercent: 10, minGrade: C}\n",
        "  retention: {keepTrials: 3, podTTLSeconds: 1}\n");

    TrainingStudy done = awaitRetired(namespace, 6, 3);

    List<Trial> live = trials(namespace);
    List<Trial> retired = retiredRecords(namespace, done);
    assertThat(live).hasSize(3);
    // Every trial scores 0.9: worst first is oldest first, and the archived one is never deleted.
    assertThat(names(live)).contains("quickstart-0");
    assertThat(live)
        .filteredOn(t -> t.getMetadata().getName().equals("quickstart-0"))
        .singleElement()
        .satisfies(t -> assertThat(t.getStatus().archived()).isNotNull());
    assertThat(retired)
        .hasSize(3)
        .allSatisfy(t -> assertThat(t.getStatus().phase()).isEqualTo(TrialPhase.Succeeded));
    assertThat(indices(live, retired)).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(done.getStatus().trials().created()).isEqualTo(6);
    assertThat(done.getStatus().trials().succeeded()).isEqualTo(6);
    assertThat(done.getStatus().retention().highestRetiredIndex())
        .isEqualTo(retired.stream().mapToInt(t -> t.getSpec().index()).max().orElseThrow());
    S3Store store = fixture.store();
    for (Trial trial : retired) {
      assertThat(
              store.list(ArchiveKeys.trial(namespace, "quickstart", trial.getMetadata().getName())))
          .isEmpty();
    }
    for (Trial trial : live) {
      assertThat(
              store.list(ArchiveKeys.trial(namespace, "quickstart", trial.getMetadata().getName())))
          .isNotEmpty();
    }
    assertThat(fixture.studyEvents(namespace)).extracting(Event::getReason).contains("Retention");
    awaitNoJobsOrPods(namespace);

    // A restarted operator, the store away, and maxTrials raised: the study cannot read its
    // retired trials back, so it creates none (it would reuse their names) and says why.
    fixture.minio.stop();
    try {
      fixture.restartOperator();
      fixture
          .cluster
          .client()
          .resources(TrainingStudy.class)
          .inNamespace(namespace)
          .withName("quickstart")
          .patch(
              PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"budget\":{\"maxTrials\":8}}}");
      fixture.awaitStudy(
          namespace,
          s ->
              s.getStatus().conditions().stream()
                  .anyMatch(
                      c -> "ArchiveDegraded".equals(c.getType()) && "True".equals(c.getStatus())));
      assertThat(names(trials(namespace))).isEqualTo(names(live));
    } finally {
      fixture.minio.start();
    }

    // The store is back: the study resumes with new names, retired trials still counted.
    TrainingStudy resumed = awaitRetired(namespace, 8, 5);
    List<Trial> nowLive = trials(namespace);
    assertThat(nowLive).hasSize(3);
    assertThat(indices(nowLive, retiredRecords(namespace, resumed)))
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(resumed.getStatus().trials().created()).isEqualTo(8);
  }

  @Test
  void aStudyLearnsFromTheTrialsItsHistoryStudyRetired() {
    String namespace = fixture.cluster.createNamespace("retention-history");
    fixture.createStudy(
        namespace,
        "budget: {maxTrials: 6, parallelism: 3}",
        "",
        "  retention: {keepTrials: 1, podTTLSeconds: 1}\n");
    TrainingStudy donor = awaitRetired(namespace, 6, 5);
    Trial donorFirst =
        retiredRecords(namespace, donor).stream()
            .filter(t -> t.getSpec().index() == 0)
            .findFirst()
            .orElseThrow();

    // A restarted operator (nothing in memory) and the store away: the learner, with neither an
    // archive nor a retention block of its own, waits for the donor's records and says why.
    fixture.minio.stop();
    var learner =
        fixture
            .cluster
            .client()
            .resources(TrainingStudy.class)
            .inNamespace(namespace)
            .withName("learner");
    var learnerFirst =
        fixture
            .cluster
            .client()
            .resources(Trial.class)
            .inNamespace(namespace)
            .withName("learner-0");
    try {
      fixture.restartOperator();
      fixture.createStudy(
          namespace,
          "budget: {maxTrials: 1, parallelism: 1}",
          "",
          "",
          yaml ->
              yaml.replace("name: quickstart", "name: learner")
                  .replace(
                      "tpe: {startupTrials: 5}",
                      "tpe: {startupTrials: 5}\n    historyFrom: [quickstart]"));
      learner.waitUntilCondition(
          s ->
              s != null
                  && s.getStatus() != null
                  && s.getStatus().conditions() != null
                  && s.getStatus().conditions().stream()
                      .anyMatch(
                          c ->
                              "ArchiveDegraded".equals(c.getType())
                                  && "True".equals(c.getStatus())),
          120,
          TimeUnit.SECONDS);
      assertThat(learnerFirst.get()).isNull();
    } finally {
      fixture.minio.start();
    }

    Trial first = learnerFirst.waitUntilCondition(Objects::nonNull, 120, TimeUnit.SECONDS);

    // One live donor trial is fewer than the 5 random startup trials: had the 5 retired ones not
    // been learned from, learner-0 would be the same random draw (same seed, same index) as the
    // donor's first trial.
    assertThat(first.getSpec().parameters()).isNotEqualTo(donorFirst.getSpec().parameters());
  }

  @Test
  void aDryRunDeletesNothingAndSaysWhatItWouldDelete() throws Exception {
    String namespace = fixture.cluster.createNamespace("retention-dry");
    fixture.putTrainerFiles(namespace, 3);
    fixture.createStudy(
        namespace,
        "budget: {maxTrials: 3, parallelism: 3}",
        "",
        "  retention: {keepTrials: 1, podTTLSeconds: 1, artifactTTLDays: 0, dryRun: true}\n");

    TrainingStudy done =
        fixture.awaitStudy(
            namespace,
            s ->
                s.getStatus() != null
                    && s.getStatus().phase() == StudyPhase.Succeeded
                    && s.getStatus().retention() != null
                    && s.getStatus().retention().dryRun() != null
                    && s.getStatus().retention().dryRun().contains("would delete 2 trial(s)"));

    assertThat(done.getStatus().retention().dryRun())
        .contains("the artifacts of 1 expired trial(s)");
    assertThat(fixture.studyEvents(namespace))
        .filteredOn(e -> "RetentionDryRun".equals(e.getReason()))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.getNote()).contains("would delete"));
    assertThat(fixture.studyEvents(namespace))
        .extracting(Event::getReason)
        .doesNotContain("Retention");
    // Well past podTTLSeconds, nothing is gone: Trials, Jobs (no TTL set) and artifacts.
    Thread.sleep(Duration.ofSeconds(5).toMillis());
    assertThat(trials(namespace)).hasSize(3);
    var jobs = fixture.cluster.client().batch().v1().jobs().inNamespace(namespace).list();
    assertThat(jobs.getItems())
        .hasSize(3)
        .allSatisfy(j -> assertThat(j.getSpec().getTtlSecondsAfterFinished()).isNull());
    S3Store store = fixture.store();
    for (int i = 0; i < 3; i++) {
      assertThat(store.list(ArchiveKeys.trial(namespace, "quickstart", "quickstart-" + i)))
          .hasSize(ClusterStudyFixture.trainerFiles(namespace, i).size());
    }
    assertThat(store.list(RetiredTrialsPrefix.of(namespace))).isEmpty();

    // Deleting the study (no deleteArtifactsWithStudy): its artifacts stay.
    deleteStudyAndWait(namespace);
    assertThat(store.list("studies/" + namespace + "/quickstart/trials/")).isNotEmpty();
  }

  @Test
  void deleteArtifactsWithStudyEmptiesTheStudysPrefixesWhenItIsDeleted() {
    String namespace = fixture.cluster.createNamespace("retention-delete");
    fixture.putTrainerFiles(namespace, 1);
    fixture.createStudy(
        namespace,
        "budget: {maxTrials: 1, parallelism: 1}",
        "  archive: {topPercent: 100, minGrade: C}\n",
        "  retention: {deleteArtifactsWithStudy: true}\n");
    fixture.awaitStudy(
        namespace,
        s ->
            s.getStatus() != null
                && s.getStatus().archive() != null
                && Objects.equals(s.getStatus().archive().archived(), 1));
    S3Store store = fixture.store();
    assertThat(store.list("archive/" + namespace + "/quickstart/")).isNotEmpty();

    deleteStudyAndWait(namespace);

    assertThat(store.list("studies/" + namespace + "/quickstart/")).isEmpty();
    assertThat(store.list("archive/" + namespace + "/quickstart/")).isEmpty();
  }

  private TrainingStudy awaitRetired(String namespace, int succeeded, int retired) {
    return fixture.awaitStudy(
        namespace,
        s ->
            s.getStatus() != null
                && s.getStatus().phase() == StudyPhase.Succeeded
                && s.getStatus().trials().succeeded() == succeeded
                && s.getStatus().retention() != null
                && Objects.equals(s.getStatus().retention().retired(), retired)
                && trials(namespace).size() == succeeded - retired);
  }

  private void awaitNoJobsOrPods(String namespace) {
    var client = fixture.cluster.client();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      if (client.batch().v1().jobs().inNamespace(namespace).list().getItems().isEmpty()
          && client.pods().inNamespace(namespace).list().getItems().isEmpty()) {
        return;
      }
      sleep();
    }
    throw new AssertionError(
        "Jobs or pods of finished trials are still there: "
            + client.batch().v1().jobs().inNamespace(namespace).list().getItems().stream()
                .map(
                    j ->
                        j.getMetadata().getName()
                            + " ttl="
                            + j.getSpec().getTtlSecondsAfterFinished())
                .toList()
            + "\n"
            + fixture.describe(namespace));
  }

  private void deleteStudyAndWait(String namespace) {
    var study =
        fixture
            .cluster
            .client()
            .resources(TrainingStudy.class)
            .inNamespace(namespace)
            .withName("quickstart");
    study.delete();
    study.waitUntilCondition(Objects::isNull, 120, TimeUnit.SECONDS);
  }

  private List<Trial> trials(String namespace) {
    return fixture.cluster.client().resources(Trial.class).inNamespace(namespace).list().getItems();
  }

  /** The records retention wrote to MinIO before deleting each Trial. */
  private List<Trial> retiredRecords(String namespace, TrainingStudy study) {
    S3Store store = fixture.store();
    String prefix =
        "studies/" + namespace + "/quickstart/retired/" + study.getMetadata().getUid() + "/";
    List<Trial> records = new ArrayList<>();
    for (String key : store.list(prefix)) {
      records.add(
          fixture
              .cluster
              .client()
              .getKubernetesSerialization()
              .unmarshal(
                  new String(store.get(key).orElseThrow(), StandardCharsets.UTF_8), Trial.class));
    }
    return records;
  }

  private static Set<String> names(List<Trial> trials) {
    return trials.stream().map(t -> t.getMetadata().getName()).collect(Collectors.toSet());
  }

  /** Indices of live and retired trials together; a reused index would show up twice. */
  private static List<Integer> indices(List<Trial> live, List<Trial> retired) {
    List<Integer> all = new ArrayList<>();
    live.forEach(t -> all.add(t.getSpec().index()));
    retired.forEach(t -> all.add(t.getSpec().index()));
    all.sort(null);
    assertThat(new TreeSet<>(names(live))).doesNotContainAnyElementsOf(names(retired));
    return all;
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Where retired trial records of a namespace's quickstart study live, any study UID. */
  private static final class RetiredTrialsPrefix {
    static String of(String namespace) {
      return "studies/" + namespace + "/quickstart/retired/";
    }
  }
}
