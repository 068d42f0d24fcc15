package dev.paddock.trainer.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.initializer.XavierInitializer;

/** Builds and initializes the DJL block for an {@link MlpSpec}. */
public final class MlpFactory {

  private MlpFactory() {}

  /** Builds the block and initializes its parameters on {@code manager}'s device. */
  public static SequentialBlock build(MlpSpec spec, NDManager manager) {
    SequentialBlock net = new SequentialBlock();
    for (int width : spec.hidden()) {
      net.add(Linear.builder().setUnits(width).build());
      if (spec.batchNorm()) {
        net.add(BatchNorm.builder().build());
      }
      net.add(activation(spec.activation()));
      if (spec.dropout() > 0) {
        net.add(Dropout.builder().optRate(spec.dropout()).build());
      }
    }
    net.add(Linear.builder().setUnits(spec.outputs()).build());
    net.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
    net.initialize(manager, DataType.FLOAT32, new Shape(1, spec.inputs()));
    return net;
  }

  private static Block activation(String name) {
    return switch (name) {
      case "tanh" -> Activation.tanhBlock();
      case "sigmoid" -> Activation.sigmoidBlock();
      case "gelu" -> Activation.geluBlock();
      case "leaky_relu" -> Activation.leakyReluBlock(0.01f);
      default -> Activation.reluBlock();
    };
  }
}
