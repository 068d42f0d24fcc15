package dev.paddock.operator.search;

/**
 * A float or int parameter, seen by TPE on a continuous "model" axis: the value itself, or its
 * logarithm for log parameters. Discrete parameters cover a little more than [min, max] on that
 * axis (half a step on each side) so that the end values get a full share of probability.
 */
public sealed interface NumericParameter extends ParameterSpec
    permits FloatParameter, IntParameter {

  /** Lower end of the model axis. */
  double modelLow();

  /** Upper end of the model axis. */
  double modelHigh();

  /** The model coordinate of a canonical value. */
  double toModel(String canonical);

  /** The canonical value nearest to a model coordinate (clamped, snapped to the step grid). */
  String fromModel(double model);

  /** True when values come on a grid (int, or float with step). */
  boolean discrete();

  /**
   * For a discrete parameter, the model interval that rounds to the value at {@code model}, as
   * {low, high}; TPE scores a discrete value by the probability mass of that interval.
   */
  double[] modelBin(double model);
}
