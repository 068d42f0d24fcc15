package dev.paddock.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.api.v1alpha1.StudyPhase;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.operator.epochreport.ReportTokens;
import dev.paddock.testsupport.ClusterControllers;
import dev.paddock.testsupport.KubeCluster;
import dev.paddock.testsupport.KubeClusterExtension;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two operator replicas with leader election: only the lease holder reconciles; when it goes away
 * mid-study the other takes the lease and finishes the study, with no duplicate trial.
 */
@ExtendWith(KubeClusterExtension.class)
class LeaderElectionIT {

  @Test
  void theStandbyTakesOverAStudyWhenTheLeaderGoes(KubeCluster cluster) throws Exception {
    String namespace = cluster.createNamespace("leader");
    byte[] key = ReportTokens.randomKey();
    try (ClusterControllers controllers =
        ClusterControllers.start(
            cluster, Path.of("src", "test", "resources", "kwok", "stages.yaml"))) {
      controllers.addNode("leader-gpu-1", Map.of("nvidia.com/gpu", "2"));
      Replica first = Replica.start(cluster, namespace, "replica-a", key);
      String leader = awaitHolder(cluster, namespace, null);
      Replica second = Replica.start(cluster, namespace, "replica-b", key);
      Replica leading = leader.equals("replica-a") ? first : second;
      Replica standing = leading == first ? second : first;
      assertThat(leader).isEqualTo("replica-a");

      createStudy(cluster, namespace);
      cluster
          .client()
          .resources(Trial.class)
          .inNamespace(namespace)
          .withName("quickstart-2")
          .waitUntilCondition(Objects::nonNull, 120, TimeUnit.SECONDS);
      assertThat(standing.reconciles()).isZero();
      assertThat(leading.reconciles()).isPositive();

      leading.close();
      assertThat(awaitHolder(cluster, namespace, "replica-a")).isEqualTo("replica-b");
      TrainingStudy done =
          cluster
              .client()
              .resources(TrainingStudy.class)
              .inNamespace(namespace)
              .withName("quickstart")
              .waitUntilCondition(
                  s -> s.getStatus() != null && s.getStatus().phase() == StudyPhase.Succeeded,
                  180,
                  TimeUnit.SECONDS);
      standing.close();

      assertThat(done.getStatus().trials().succeeded()).isEqualTo(8);
      assertThat(cluster.client().resources(Trial.class).inNamespace(namespace).list().getItems())
          .extracting(t -> t.getSpec().index())
          .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
      assertThat(standing.reconciles()).isPositive();
    }
  }

  /** Waits until the lease is held by someone other than {@code previous}; returns the holder. */
  private static String awaitHolder(KubeCluster cluster, String namespace, String previous) {
    Lease lease =
        cluster
            .client()
            .leases()
            .inNamespace(namespace)
            .withName("paddock-operator")
            .waitUntilCondition(
                l ->
                    l != null
                        && l.getSpec().getHolderIdentity() != null
                        && !l.getSpec().getHolderIdentity().isEmpty()
                        && !l.getSpec().getHolderIdentity().equals(previous),
                120,
                TimeUnit.SECONDS);
    return lease.getSpec().getHolderIdentity();
  }

  private static void createStudy(KubeCluster cluster, String namespace) throws Exception {
    String yaml =
        Files.readString(Path.of("..", "examples", "quickstart", "study.yaml"))
            .replace(
                "budget: {maxTrials: 12, parallelism: 2, maxFailedTrials: 3}",
                "budget: {maxTrials: 8, parallelism: 1}")
            .replace(
                "resources: {limits: {cpu: \"1\", memory: 1Gi}}",
                "resources: {limits: {nvidia.com/gpu: 1}}");
    TrainingStudy study =
        cluster.client().getKubernetesSerialization().unmarshal(yaml, TrainingStudy.class);
    study.getMetadata().setNamespace(namespace);
    cluster.client().resource(study).create();
  }

  /** One operator process's worth: its own registry, so its reconciles can be counted. */
  private record Replica(PaddockOperator operator, PrometheusMeterRegistry registry) {

    static Replica start(KubeCluster cluster, String namespace, String pod, byte[] key) {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      OperatorSettings settings =
          new OperatorSettings(
              new ClusterSettings(
                  "http://paddock:8080/v1/report",
                  "s3://paddock/",
                  "http://minio:9000",
                  "paddock-store",
                  null,
                  null),
              Set.of(namespace),
              key,
              0,
              0,
              2,
              true,
              "paddock-operator",
              namespace,
              pod);
      return new Replica(PaddockOperator.start(settings, cluster.client(), registry), registry);
    }

    double reconciles() {
      return registry.find("operator.sdk.reconciliations.started").counters().stream()
          .mapToDouble(c -> c.count())
          .sum();
    }

    void close() {
      operator.close();
    }
  }
}
