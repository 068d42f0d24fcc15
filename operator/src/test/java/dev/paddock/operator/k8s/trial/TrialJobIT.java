package dev.paddock.operator.k8s.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.operator.k8s.ClusterSettings;
import dev.paddock.testsupport.ClusterControllers;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rendered Jobs are accepted by a real API server and run on a fake GPU node. */
@ExtendWith(KubeClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrialJobIT {

  private static final ClusterSettings SETTINGS =
      new ClusterSettings(
          "http://paddock:8080/v1/report",
          "s3://paddock",
          "http://minio:9000",
          "paddock-store",
          null,
          null);

  private KubeCluster cluster;
  private ClusterControllers controllers;

  @BeforeAll
  void start(KubeCluster cluster) {
    this.cluster = cluster;
    controllers = ClusterControllers.start(cluster);
    controllers.addNode("trial-gpu-node", Map.of("nvidia.com/gpu", "4"));
  }

  @AfterAll
  void stop() {
    controllers.close();
  }

  @Test
  void aTrialJobIsScheduledOnAGpuNodeAndCompletes() {
    String namespace = cluster.createNamespace("trial-job");
    TrainingStudy study = TrialFixtures.study(namespace, "");
    Trial trial = createTrial(namespace, 3);

    Job job = TrialJobs.render(study, trial, SETTINGS, "v1.token");
    Job created =
        cluster.client().batch().v1().jobs().inNamespace(namespace).resource(job).create();
    assertThat(created.getSpec().getPodReplacementPolicy()).isEqualTo("Failed");

    cluster
        .client()
        .batch()
        .v1()
        .jobs()
        .inNamespace(namespace)
        .withName("quickstart-3")
        .waitUntilCondition(
            j -> j.getStatus() != null && Integer.valueOf(1).equals(j.getStatus().getSucceeded()),
            120,
            TimeUnit.SECONDS);
    Pod pod =
        cluster
            .client()
            .pods()
            .inNamespace(namespace)
            .withLabel("paddock.dev/trial", "quickstart-3")
            .list()
            .getItems()
            .get(0);
    assertThat(pod.getSpec().getNodeName()).isEqualTo("trial-gpu-node");
  }

  /**
   * What the explicit podReplacementPolicy guards against a change of: this API server (1.33)
   * already replaces only failed pods of a Job that has a pod failure policy.
   */
  @Test
  void theApiServerDefaultsAJobWithAPodFailurePolicyToReplaceOnlyFailedPods() {
    String namespace = cluster.createNamespace("trial-job-replacement");
    Job job =
        TrialJobs.render(
            TrialFixtures.study(namespace, ""), createTrial(namespace, 4), SETTINGS, "v1.token");
    job.getSpec().setPodReplacementPolicy(null);

    Job created =
        cluster.client().batch().v1().jobs().inNamespace(namespace).resource(job).create();

    assertThat(created.getSpec().getPodReplacementPolicy()).isEqualTo("Failed");
  }

  @Test
  void aQueuedTrialWaitsSuspendedForKueue() {
    String namespace = cluster.createNamespace("trial-queued");
    TrainingStudy study = TrialFixtures.study(namespace, "  scheduling: {queueName: team-a}\n");
    Trial trial = createTrial(namespace, 4);

    cluster
        .client()
        .batch()
        .v1()
        .jobs()
        .inNamespace(namespace)
        .resource(TrialJobs.render(study, trial, SETTINGS, "t"))
        .create();

    Job stored =
        cluster.client().batch().v1().jobs().inNamespace(namespace).withName("quickstart-4").get();
    assertThat(stored.getSpec().getSuspend()).isTrue();
    assertThat(cluster.client().pods().inNamespace(namespace).list().getItems()).isEmpty();
  }

  private Trial createTrial(String namespace, int index) {
    Trial trial = TrialFixtures.trial(namespace, index, null);
    return cluster.client().resources(Trial.class).inNamespace(namespace).resource(trial).create();
  }
}
