package dev.paddock.operator.k8s.study;

import dev.paddock.api.v1alpha1.StudyPhase;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.testsupport.KubeCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** The quickstart example as the cluster tests' study: its trainer asks for a GPU. */
final class QuickstartStudies {

  /** The quickstart's budget line, for edits that replace it. */
  static final String BUDGET = "budget: {maxTrials: 12, parallelism: 2, maxFailedTrials: 3}";

  private QuickstartStudies() {}

  /** Creates the quickstart study, edited, in the namespace. */
  static void create(KubeCluster cluster, String namespace, UnaryOperator<String> edit)
      throws IOException {
    String yaml =
        edit.apply(
            Files.readString(Path.of("..", "examples", "quickstart", "study.yaml"))
                .replace(
                    "resources: {limits: {cpu: \"1\", memory: 1Gi}}",
                    "resources: {limits: {nvidia.com/gpu: 1}}"));
    TrainingStudy study =
        cluster.client().getKubernetesSerialization().unmarshal(yaml, TrainingStudy.class);
    study.getMetadata().setNamespace(namespace);
    cluster.client().resource(study).create();
  }

  static TrainingStudy awaitPhase(KubeCluster cluster, String namespace, StudyPhase phase) {
    return awaitPhase(cluster, namespace, "quickstart", phase);
  }

  static TrainingStudy awaitPhase(
      KubeCluster cluster, String namespace, String study, StudyPhase phase) {
    return cluster
        .client()
        .resources(TrainingStudy.class)
        .inNamespace(namespace)
        .withName(study)
        .waitUntilCondition(
            s -> s.getStatus() != null && s.getStatus().phase() == phase, 240, TimeUnit.SECONDS);
  }

  /** The quickstart study's first trial, once it satisfies {@code condition}. */
  static Trial awaitFirstTrial(KubeCluster cluster, String namespace, Predicate<Trial> condition) {
    return cluster
        .client()
        .resources(Trial.class)
        .inNamespace(namespace)
        .withName("quickstart-0")
        .waitUntilCondition(t -> t != null && condition.test(t), 90, TimeUnit.SECONDS);
  }
}
