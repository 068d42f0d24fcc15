package dev.paddock.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** A Job asking for a GPU is scheduled onto a fake GPU node and completes. */
@ExtendWith(KubeClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterControllersIT {

  private KubeCluster cluster;
  private ClusterControllers controllers;

  @BeforeAll
  void start(KubeCluster cluster) {
    this.cluster = cluster;
    this.controllers = ClusterControllers.start(cluster);
    controllers.addNode("gpu-node-1", Map.of("nvidia.com/gpu", "8"));
  }

  @AfterAll
  void stop() {
    controllers.close();
  }

  @Test
  void aGpuJobRunsOnTheGpuNodeAndCompletes() {
    String namespace = cluster.createNamespace("gpu");
    Job job =
        new JobBuilder()
            .withNewMetadata()
            .withName("train")
            .endMetadata()
            .withNewSpec()
            .withBackoffLimit(0)
            .withNewTemplate()
            .withNewSpec()
            .withRestartPolicy("Never")
            .addNewContainer()
            .withName("trainer")
            .withImage("paddock/trainer:test")
            .withNewResources()
            .addToLimits("nvidia.com/gpu", new Quantity("1"))
            .endResources()
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();

    cluster.client().batch().v1().jobs().inNamespace(namespace).resource(job).create();

    cluster
        .client()
        .batch()
        .v1()
        .jobs()
        .inNamespace(namespace)
        .withName("train")
        .waitUntilCondition(
            j ->
                j != null
                    && j.getStatus() != null
                    && Integer.valueOf(1).equals(j.getStatus().getSucceeded()),
            120,
            TimeUnit.SECONDS);
    Pod pod =
        cluster
            .client()
            .pods()
            .inNamespace(namespace)
            .withLabel("job-name", "train")
            .list()
            .getItems()
            .get(0);
    assertThat(pod.getSpec().getNodeName()).isEqualTo("gpu-node-1");
    assertThat(pod.getStatus().getPhase()).isEqualTo("Succeeded");
  }
}
