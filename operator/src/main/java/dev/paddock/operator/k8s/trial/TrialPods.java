package dev.paddock.operator.k8s.trial;

import dev.paddock.api.v1alpha1.Trial;
import dev.paddock.operator.k8s.Labels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * A trial's pods, read from the API server when its Job says they changed ({@link JobProgress}) and
 * cannot tell alone (a first start it can, {@link TrialProgress#firstStart}): a consistent list by
 * the trial's label, which Kubernetes 1.31 and later serve from the API server's watch cache.
 * Watching every pod instead cost the operator a dozen decoded events per trial for the one read
 * (its end) that a trial usually needs.
 */
final class TrialPods {

  private TrialPods() {}

  static List<Pod> current(KubernetesClient client, Trial trial) {
    return client
        .pods()
        .inNamespace(trial.getMetadata().getNamespace())
        .withLabel(Labels.TRIAL, trial.getMetadata().getName())
        .list()
        .getItems();
  }
}
