package dev.paddock.operator.search.tpe;

import dev.paddock.operator.search.CategoricalParameter;
import dev.paddock.operator.search.NumericParameter;
import dev.paddock.operator.search.ParameterSpec;

/** One parameter as TPE models it: a model-axis interval, or a set of choices. */
record Dimension(ParameterSpec parameter) {

  boolean categorical() {
    return parameter instanceof CategoricalParameter;
  }

  int choices() {
    return ((CategoricalParameter) parameter).choices().size();
  }

  NumericParameter numeric() {
    return (NumericParameter) parameter;
  }

  double low() {
    return numeric().modelLow();
  }

  double high() {
    return numeric().modelHigh();
  }

  boolean discrete() {
    return !categorical() && numeric().discrete();
  }

  /** The model coordinate (or choice index) of a canonical value. */
  double toModel(String canonical) {
    if (categorical()) {
      return ((CategoricalParameter) parameter).indexOf(canonical);
    }
    return numeric().toModel(canonical);
  }

  /** The canonical value at a model coordinate (or choice index). */
  String fromModel(double model) {
    if (categorical()) {
      return ((CategoricalParameter) parameter).choices().get((int) model);
    }
    return numeric().fromModel(model);
  }
}
