package dev.paddock.operator.k8s.trial;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paddock.api.v1alpha1.TrainingStudy;
import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.contract.TrainerEnv;
import dev.paddock.contract.store.ArtifactLayout;
import dev.paddock.operator.k8s.ClusterSettings;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The trainer contract's environment for one trial (DESIGN.md, "The trainer contract"; the names
 * live in {@link TrainerEnv}): each parameter also as {@code PADDOCK_PARAM_<NAME>}, so that {@code
 * args: [--lr, "$(PADDOCK_PARAM_LR)"]} works by the kubelet's own expansion.
 */
final class TrialEnvironment {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TrialEnvironment() {}

  static List<EnvVar> of(TrainingStudy study, Trial trial, ClusterSettings settings, String token) {
    String namespace = trial.getMetadata().getNamespace();
    List<EnvVar> env = new ArrayList<>();
    env.add(plain(TrainerEnv.TRIAL, namespace + "/" + trial.getMetadata().getName()));
    env.add(plain(TrainerEnv.PARAMS, json(trial)));
    TrainerEnv.paramVariables(trial.getSpec().parameters())
        .forEach((name, value) -> env.add(plain(name, value)));
    env.add(plain(TrainerEnv.EPOCHS, Integer.toString(trial.getSpec().epochs())));
    env.add(plain(TrainerEnv.ARTIFACTS, artifacts(settings, namespace, trial)));
    env.add(plain(TrainerEnv.REPORT_URL, settings.reportUrl()));
    env.add(plain(TrainerEnv.REPORT_TOKEN, token));
    Integer checkpointEvery = study.getSpec().trial().checkpointEveryEpochs();
    env.add(
        plain(
            TrainerEnv.CHECKPOINT_EVERY,
            Integer.toString(Objects.requireNonNullElse(checkpointEvery, 5))));
    if (settings.storeEndpoint() != null) {
      env.add(plain(TrainerEnv.S3_ENDPOINT, settings.storeEndpoint()));
    }
    if (settings.storeSecret() != null) {
      env.add(fromSecret(TrainerEnv.S3_ACCESS_KEY, settings.storeSecret(), "accessKey"));
      env.add(fromSecret(TrainerEnv.S3_SECRET_KEY, settings.storeSecret(), "secretKey"));
    }
    return env;
  }

  /** {@code <root>studies/<ns>/<study>/trials/<trial>/}, the layout DESIGN.md fixes. */
  static String artifacts(ClusterSettings settings, String namespace, Trial trial) {
    return settings.artifactRoot()
        + ArtifactLayout.trial(namespace, trial.getSpec().study(), trial.getMetadata().getName());
  }

  private static String json(Trial trial) {
    try {
      // Sorted keys: the same parameters always give the same pod spec.
      return JSON.writeValueAsString(new TreeMap<>(trial.getSpec().parameters()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static EnvVar plain(String name, String value) {
    return new EnvVarBuilder().withName(name).withValue(value).build();
  }

  private static EnvVar fromSecret(String name, String secret, String key) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewSecretKeyRef()
        .withName(secret)
        .withKey(key)
        .endSecretKeyRef()
        .endValueFrom()
        .build();
  }
}
