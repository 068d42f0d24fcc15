package dev.paddock.operator.study;

import dev.paddock.api.v1alpha1.ContainerTemplate;
import dev.paddock.api.v1alpha1.TrainingStudy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Whether a study's trials run Paddock's DJL trainer or any other training code, which decides what
 * a trial's artifacts are: the DJL trainer writes its model and records to the store itself, any
 * other code's artifacts are what it leaves in its output directory, whichever way its metrics are
 * collected. Both drivers decide it here, the same way.
 */
public final class TrainerKind {

  /** The DJL trainer's executable, the trainer image's entrypoint. */
  public static final String PADDOCK_TRAINER = "paddock-trainer";

  private TrainerKind() {}

  /**
   * True when the trainer container names no command (the trainer image's entrypoint) or runs
   * {@code paddock-trainer}.
   */
  public static boolean runsPaddockTrainer(TrainingStudy study) {
    List<String> entrypoint = Objects.requireNonNullElse(trainer(study).getCommand(), List.of());
    return entrypoint.isEmpty()
        || Path.of(entrypoint.get(0)).getFileName().toString().equals(PADDOCK_TRAINER);
  }

  /** The study's container named trainer. */
  public static ContainerTemplate trainer(TrainingStudy study) {
    return study.getSpec().trial().template().spec().getContainers().stream()
        .filter(c -> "trainer".equals(c.getName()))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("the pod template needs a container named trainer"));
  }
}
