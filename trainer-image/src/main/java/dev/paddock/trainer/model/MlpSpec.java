package dev.paddock.trainer.model;

/**
 * The architecture of an MLP: enough to rebuild the block before loading its weights.
 *
 * @param inputs input width
 * @param hidden hidden layer widths
 * @param outputs output width (1 for binary and regression, classes for multiclass)
 * @param activation relu, tanh, sigmoid, gelu or leaky_relu
 * @param dropout dropout rate after each hidden layer (0: none)
 * @param batchNorm batch normalization after each hidden linear layer
 */
public record MlpSpec(
    int inputs, int[] hidden, int outputs, String activation, float dropout, boolean batchNorm) {}
