/**
 * Early stopping: the median stopping rule and ASHA, as pure functions of the recorded curves.
 * Entry point: {@link dev.paddock.operator.pruning.Pruner#decide}; every decision carries a reason
 * a person can read, such as {@code epoch 12: val_f1 0.08 below median 0.14 of 9 trials}.
 */
package dev.paddock.operator.pruning;
