package dev.paddock.operator.k8s.trial;

import dev.paddock.api.v1alpha1.ContainerTemplate;
import dev.paddock.api.v1alpha1.TrainingStudy;
import java.util.Map;

/** GPUs a trial's trainer asks for: its limit (else request) of the GPU resource. */
final class GpuCount {

  private GpuCount() {}

  static long of(TrainingStudy study, String gpuResource) {
    for (ContainerTemplate c : study.getSpec().trial().template().spec().getContainers()) {
      if (TrialJobs.TRAINER.equals(c.getName())
          && c.getOtherFields().get("resources") instanceof Map<?, ?> resources) {
        Object amount = amount(resources.get("limits"), gpuResource);
        amount = amount != null ? amount : amount(resources.get("requests"), gpuResource);
        return amount == null ? 0 : Long.parseLong(amount.toString().trim());
      }
    }
    return 0;
  }

  private static Object amount(Object quantities, String resource) {
    return quantities instanceof Map<?, ?> map ? map.get(resource) : null;
  }
}
