package dev.paddock.trainer.train;

import dev.paddock.trainer.config.Hyperparams;

/**
 * Learning rate as a pure function of the global step: {@code fixed}, {@code step} (multiply by
 * {@code lr_gamma} every {@code lr_step_epochs}) or {@code cosine} (to 0 over the whole run).
 */
public final class LrSchedule {

  private final String kind;
  private final float base;
  private final int stepEpochs;
  private final float gamma;
  private final long totalSteps;
  private final long stepsPerEpoch;

  public LrSchedule(Hyperparams hp, long stepsPerEpoch) {
    this.kind = hp.lrSchedule();
    this.base = hp.lr();
    this.stepEpochs = hp.lrStepEpochs();
    this.gamma = hp.lrGamma();
    this.stepsPerEpoch = stepsPerEpoch;
    this.totalSteps = Math.max(1, stepsPerEpoch * hp.epochs());
  }

  /** The rate for global step {@code step} (0-based). */
  public float at(long step) {
    return switch (kind) {
      case "step" -> (float) (base * Math.pow(gamma, (step / stepsPerEpoch) / stepEpochs));
      case "cosine" ->
          (float) (0.5 * base * (1 + Math.cos(Math.PI * Math.min(step, totalSteps) / totalSteps)));
      default -> base;
    };
  }
}
