package dev.paddock.operator.studyreport;

import dev.paddock.operator.search.FloatParameter;
import dev.paddock.operator.search.IntParameter;
import dev.paddock.operator.search.ParameterSpec;

/** How a parameter's values are placed on an axis: linear, logarithmic, or one slot per value. */
public enum ParameterKind {
  FLOAT,
  FLOAT_LOG,
  INT,
  INT_LOG,
  CATEGORICAL;

  /** The kind of a search-space parameter. */
  public static ParameterKind of(ParameterSpec spec) {
    if (spec instanceof FloatParameter f) {
      return f.log() ? FLOAT_LOG : FLOAT;
    }
    if (spec instanceof IntParameter i) {
      return i.log() ? INT_LOG : INT;
    }
    return CATEGORICAL;
  }

  /** True for every kind but {@link #CATEGORICAL}. */
  public boolean numeric() {
    return this != CATEGORICAL;
  }

  /** True when the axis is logarithmic. */
  public boolean log() {
    return this == FLOAT_LOG || this == INT_LOG;
  }

  /** The spelling shown in reports, e.g. {@code float (log)}. */
  public String label() {
    return switch (this) {
      case FLOAT -> "float";
      case FLOAT_LOG -> "float (log)";
      case INT -> "int";
      case INT_LOG -> "int (log)";
      case CATEGORICAL -> "categorical";
    };
  }
}
