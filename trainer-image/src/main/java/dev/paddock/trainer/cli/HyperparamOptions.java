package dev.paddock.trainer.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Hyperparameter flags, named after the parameters a study searches. */
public final class HyperparamOptions {

  @Option(names = "--lr", description = "Learning rate (default 0.001).")
  String lr;

  @Option(names = "--hidden", description = "Hidden layer widths, e.g. 256,128,64 (default).")
  String hidden;

  @Option(names = "--batch-size", description = "Batch size (default 256).")
  String batchSize;

  @Option(names = "--epochs", description = "Epochs (default 10; env PADDOCK_EPOCHS).")
  String epochs;

  @Option(names = "--optimizer", description = "adam (default), adamw or sgd.")
  String optimizer;

  @Option(names = "--momentum", description = "SGD momentum (default 0.9).")
  String momentum;

  @Option(names = "--weight-decay", description = "Weight decay (default 0).")
  String weightDecay;

  @Option(names = "--dropout", description = "Dropout after each hidden layer (default 0).")
  String dropout;

  @Option(names = "--batch-norm", description = "Batch normalization: true or false (default).")
  String batchNorm;

  @Option(names = "--activation", description = "relu (default), tanh, sigmoid, gelu, leaky_relu.")
  String activation;

  @Option(names = "--lr-schedule", description = "fixed (default), cosine or step.")
  String lrSchedule;

  @Option(names = "--lr-step-epochs", description = "Step schedule: epochs per step (default 10).")
  String lrStepEpochs;

  @Option(names = "--lr-gamma", description = "Step schedule: factor per step (default 0.1).")
  String lrGamma;

  @Option(names = "--grad-clip", description = "Clip the global gradient norm (default 0: off).")
  String gradClip;

  @Option(names = "--seed", description = "Random seed (default 42).")
  String seed;

  @Option(
      names = "--pos-weight",
      description = "Binary: weight of positive rows in the loss (default 1).")
  String posWeight;

  @Option(
      names = "--class-weight",
      description = "none (default), balanced, or class:weight pairs like 0:1,1:5.")
  String classWeight;

  @Option(
      names = "--half-life-days",
      description =
          "Weight rows by age: a row this many days older than the newest counts half (default 0: off; needs --time-column).")
  String halfLifeDays;

  @Option(names = "--val-fraction", description = "Validation fraction (default 0.2).")
  String valFraction;

  /** The flags that were given, by parameter name. */
  Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, "lr", lr);
    put(m, "hidden", hidden);
    put(m, "batch_size", batchSize);
    put(m, "epochs", epochs);
    put(m, "optimizer", optimizer);
    put(m, "momentum", momentum);
    put(m, "weight_decay", weightDecay);
    put(m, "dropout", dropout);
    put(m, "batch_norm", batchNorm);
    put(m, "activation", activation);
    put(m, "lr_schedule", lrSchedule);
    put(m, "lr_step_epochs", lrStepEpochs);
    put(m, "lr_gamma", lrGamma);
    put(m, "grad_clip", gradClip);
    put(m, "seed", seed);
    put(m, "pos_weight", posWeight);
    put(m, "class_weight", classWeight);
    put(m, "half_life_days", halfLifeDays);
    put(m, "val_fraction", valFraction);
    return m;
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }
}
