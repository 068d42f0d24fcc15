package dev.paddock.operator.search.tpe;

import dev.paddock.operator.search.CategoricalParameter;
import dev.paddock.operator.search.NumericParameter;
import dev.paddock.operator.search.ParameterSpec;

/**
 * One parameter as TPE models it: a model-axis interval, or a set of choices. The interval ends are
 * computed once, as the kernels read them for every observation and candidate.
 *
 * @param low lower end of the model axis (0 for a categorical)
 * @param high upper end of the model axis (0 for a categorical)
 */
record Dimension(ParameterSpec parameter, boolean categorical, double low, double high) {

  static Dimension of(ParameterSpec parameter) {
    if (parameter instanceof NumericParameter n) {
      return new Dimension(parameter, false, n.modelLow(), n.modelHigh());
    }
    return new Dimension(parameter, true, 0, 0);
  }

  int choices() {
    return ((CategoricalParameter) parameter).choices().size();
  }

  NumericParameter numeric() {
    return (NumericParameter) parameter;
  }

  boolean discrete() {
    return !categorical && numeric().discrete();
  }

  /** The model coordinate (or choice index) of a canonical value. */
  double toModel(String canonical) {
    if (categorical) {
      return ((CategoricalParameter) parameter).indexOf(canonical);
    }
    return numeric().toModel(canonical);
  }

  /** The canonical value at a model coordinate (or choice index). */
  String fromModel(double model) {
    if (categorical) {
      return ((CategoricalParameter) parameter).choices().get((int) model);
    }
    return numeric().fromModel(model);
  }
}
