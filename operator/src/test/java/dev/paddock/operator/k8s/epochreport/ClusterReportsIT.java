package dev.paddock.operator.k8s.epochreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.api.v1alpha1.TrialPhase;
import dev.paddock.api.v1alpha1.TrialSpec;
import dev.paddock.api.v1alpha1.TrialStatus;
import dev.paddock.operator.epochreport.EpochReport;
import dev.paddock.operator.epochreport.ReportAnswer;
import dev.paddock.operator.epochreport.ReportListener;
import dev.paddock.operator.epochreport.TrialRef;
import dev.paddock.operator.k8s.Labels;
import dev.paddock.operator.k8s.TrialCache;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reports against real Trial objects: the pruner stops a weak trial and its status says why. */
@ExtendWith(KubeClusterExtension.class)
class ClusterReportsIT {

  @Test
  void aWeakTrialIsStoppedWithAReasonAndProgressLandsInStatus(KubeCluster cluster)
      throws IOException {
    String ns = cluster.createNamespace("reports");
    String yaml =
        Files.readString(Path.of("..", "examples", "quickstart", "study.yaml"))
            .replace(
                "earlyStopping: {algorithm: median, minTrials: 3, startEpoch: 3}",
                "earlyStopping: {algorithm: median, minTrials: 1, startEpoch: 2}");
    TrainingStudy study =
        cluster.client().getKubernetesSerialization().unmarshal(yaml, TrainingStudy.class);
    study.getMetadata().setNamespace(ns);
    cluster.client().resource(study).create();
    trial(cluster, ns, 0, ended());
    String weakUid =
        trial(
            cluster,
            ns,
            1,
            new TrialStatus(
                TrialPhase.Running,
                1,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "Running",
                null,
                null,
                null));
    TrialCache cache = TrialCache.start(cluster.client(), java.util.Set.of(ns));
    ClusterReports reports = new ClusterReports(cluster.client(), cache);
    TrialRef weak = new TrialRef(ns, "quickstart-1");

    ReportAnswer first =
        reports.onEpoch(new EpochReport(weak, weakUid, 1, Map.of("val_f1", 0.1, "val_loss", 2.0)));
    ReportAnswer second =
        reports.onEpoch(new EpochReport(weak, weakUid, 2, Map.of("val_f1", 0.12, "val_loss", 1.9)));

    assertThat(first.stop()).isFalse();
    assertThat(second.stop()).isTrue();
    assertThat(second.reason()).contains("epoch 2").contains("below median");
    TrialStatus status =
        cluster
            .client()
            .resources(Trial.class)
            .inNamespace(ns)
            .withName("quickstart-1")
            .get()
            .getStatus();
    assertThat(status.phase()).isEqualTo(TrialPhase.Running);
    assertThat(status.reason()).isEqualTo("Pruned");
    assertThat(status.message()).isEqualTo(second.reason());
    assertThat(status.epoch()).isEqualTo(2);
    assertThat(status.curve()).containsExactly(List.of(1.0, 0.1), List.of(2.0, 0.12));
    assertThat(status.metrics().get("val_loss").best()).isEqualTo(1.9);
    assertThatThrownBy(
            () ->
                reports.onEpoch(
                    new EpochReport(new TrialRef(ns, "quickstart-9"), "u", 1, Map.of())))
        .isInstanceOf(ReportListener.UnknownTrialException.class);
    cache.close();
    // The API server is shared with later test classes whose operators watch every namespace.
    cluster.client().resources(Trial.class).inNamespace(ns).delete();
    cluster.client().resources(TrainingStudy.class).inNamespace(ns).delete();
  }

  @Test
  void aTokenOfAnotherTrialObjectOrOfAnEndedTrialCountsForNothing(KubeCluster cluster)
      throws IOException {
    String ns = cluster.createNamespace("reports-refused");
    TrainingStudy study =
        cluster
            .client()
            .getKubernetesSerialization()
            .unmarshal(
                Files.readString(Path.of("..", "examples", "quickstart", "study.yaml")),
                TrainingStudy.class);
    study.getMetadata().setNamespace(ns);
    cluster.client().resource(study).create();
    // Trial quickstart-0 of an earlier study of the same name (or of study "quickstart-g2"...):
    // its pod's token names the same trial, but another object.
    String earlier = trial(cluster, ns, 0, running());
    cluster.client().resources(Trial.class).inNamespace(ns).withName("quickstart-0").delete();
    cluster
        .client()
        .resources(Trial.class)
        .inNamespace(ns)
        .withName("quickstart-0")
        .waitUntilCondition(java.util.Objects::isNull, 30, java.util.concurrent.TimeUnit.SECONDS);
    String current = trial(cluster, ns, 0, running());
    trial(cluster, ns, 1, ended());
    String endedUid =
        cluster
            .client()
            .resources(Trial.class)
            .inNamespace(ns)
            .withName("quickstart-1")
            .get()
            .getMetadata()
            .getUid();
    TrialCache cache = TrialCache.start(cluster.client(), java.util.Set.of(ns));
    ClusterReports reports = new ClusterReports(cluster.client(), cache);
    TrialRef zero = new TrialRef(ns, "quickstart-0");

    assertThat(earlier).isNotEqualTo(current);
    assertThatThrownBy(
            () -> reports.onEpoch(new EpochReport(zero, earlier, 1, Map.of("val_f1", 0.9))))
        .isInstanceOf(ReportListener.NotThisTrialException.class);
    assertThat(reports.onEpoch(new EpochReport(zero, current, 1, Map.of("val_f1", 0.5))).stop())
        .isFalse();
    assertThatThrownBy(
            () ->
                reports.onEpoch(
                    new EpochReport(
                        new TrialRef(ns, "quickstart-1"), endedUid, 4, Map.of("val_f1", 0.99))))
        .isInstanceOf(ReportListener.TrialEndedException.class);
    Trial ended =
        cluster.client().resources(Trial.class).inNamespace(ns).withName("quickstart-1").get();
    assertThat(ended.getStatus().epoch()).isEqualTo(3);
    assertThat(ended.getStatus().objective()).isEqualTo(0.9);
    cache.close();
    cluster.client().resources(Trial.class).inNamespace(ns).delete();
    cluster.client().resources(TrainingStudy.class).inNamespace(ns).delete();
  }

  private static TrialStatus running() {
    return new TrialStatus(
        TrialPhase.Running,
        1,
        0,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "Running",
        null,
        null,
        null);
  }

  private static TrialStatus ended() {
    return new TrialStatus(
        TrialPhase.Succeeded,
        1,
        3,
        0.9,
        null,
        List.of(List.of(1.0, 0.8), List.of(2.0, 0.85), List.of(3.0, 0.9)),
        null,
        null,
        null,
        null,
        null,
        "Completed",
        null,
        null,
        null);
  }

  /** Creates the trial with the status; returns its UID. */
  private static String trial(KubeCluster cluster, String ns, int index, TrialStatus status) {
    Trial trial = new Trial();
    trial.setMetadata(
        new ObjectMetaBuilder()
            .withName("quickstart-" + index)
            .withNamespace(ns)
            .addToLabels(Labels.STUDY, "quickstart")
            .build());
    trial.setSpec(
        new TrialSpec(
            "quickstart", index, 10, Map.of("lr", "0.01", "hidden", "32,16", "batch_size", "64")));
    Trial created = cluster.client().resource(trial).create();
    created.setStatus(status);
    cluster.client().resource(created).updateStatus();
    return created.getMetadata().getUid();
  }
}
