package dev.paddock.operator.k8s.serving;

import dev.paddock.operator.rollout.Serving;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads how far a Deployment's current revision got, as the deployment controller reports it: a
 * revision counts only once the controller has observed it ({@code observedGeneration}); it is
 * available when every replica runs it and is available (the controller's own "complete"), and
 * timed out when the controller set Progressing=False with reason {@code ProgressDeadlineExceeded}.
 */
final class DeploymentProgress {

  static final String TIMED_OUT_REASON = "ProgressDeadlineExceeded";

  private DeploymentProgress() {}

  static Serving observe(Deployment deployment) {
    if (deployment == null) {
      return Serving.ABSENT;
    }
    Map<String, String> annotations =
        deployment.getSpec().getTemplate().getMetadata() == null
            ? null
            : deployment.getSpec().getTemplate().getMetadata().getAnnotations();
    String code = annotations == null ? null : annotations.get(ServingLabels.MODEL_CODE_ANNOTATION);
    DeploymentStatus status = deployment.getStatus();
    long generation = Objects.requireNonNullElse(deployment.getMetadata().getGeneration(), 0L);
    if (status == null
        || status.getObservedGeneration() == null
        || status.getObservedGeneration() < generation) {
      return new Serving(code, Serving.Progress.UPDATING);
    }
    boolean timedOut =
        Objects.requireNonNullElse(status.getConditions(), List.<DeploymentCondition>of()).stream()
            .anyMatch(
                c ->
                    "Progressing".equals(c.getType())
                        && "False".equals(c.getStatus())
                        && TIMED_OUT_REASON.equals(c.getReason()));
    if (timedOut) {
      return new Serving(code, Serving.Progress.TIMED_OUT);
    }
    int wanted = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
    boolean complete =
        count(status.getUpdatedReplicas()) == wanted
            && count(status.getReplicas()) == wanted
            && count(status.getAvailableReplicas()) == wanted;
    return new Serving(code, complete ? Serving.Progress.AVAILABLE : Serving.Progress.UPDATING);
  }

  private static int count(Integer value) {
    return value == null ? 0 : value;
  }
}
