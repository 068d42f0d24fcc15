package dev.paddock.operator.k8s.serving;

import dev.paddock.operator.k8s.ClusterSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How serving pods are made and how often sources are re-read.
 *
 * @param cluster the store's endpoint and credentials Secret given to serving pods
 * @param trainerImage image of container {@code trainer} when the ModelDeployment's template names
 *     none
 * @param recheck how often a ModelDeployment re-reads its source (archives appear in the store
 *     without any Kubernetes event)
 */
public record ServingSettings(ClusterSettings cluster, String trainerImage, Duration recheck) {

  public static final String DEFAULT_TRAINER_IMAGE = "paddock/trainer:0.1.0";
  public static final Duration DEFAULT_RECHECK = Duration.ofSeconds(60);

  public ServingSettings {
    Objects.requireNonNull(cluster, "cluster");
    trainerImage =
        trainerImage == null || trainerImage.isBlank() ? DEFAULT_TRAINER_IMAGE : trainerImage;
    recheck = Objects.requireNonNullElse(recheck, DEFAULT_RECHECK);
  }
}
