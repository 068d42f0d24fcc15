package dev.paddock.operator.search;

import java.util.Objects;

/**
 * An integer parameter: {@code {name, int: {min, max, step, log}}}; values are {@code min + k *
 * step} up to {@code max}. A log int (step 1 only) is drawn log-uniformly, as in Optuna.
 */
public record IntParameter(String name, long min, long max, long step, boolean log)
    implements NumericParameter {

  public IntParameter {
    ParameterSpec.checkName(name);
    if (min > max) {
      throw new IllegalArgumentException(
          name + ": int needs min <= max, got [" + min + ", " + max + "]");
    }
    if (step <= 0) {
      throw new IllegalArgumentException(name + ": step must be >= 1, got " + step);
    }
    if (log && min < 1) {
      throw new IllegalArgumentException(name + ": a log int needs min >= 1, got " + min);
    }
    if (log && step != 1) {
      throw new IllegalArgumentException(name + ": a log int cannot have a step other than 1");
    }
  }

  public static IntParameter range(String name, long min, long max) {
    return new IntParameter(name, min, max, 1, false);
  }

  public static IntParameter stepped(String name, long min, long max, long step) {
    return new IntParameter(name, min, max, step, false);
  }

  public static IntParameter logScale(String name, long min, long max) {
    return new IntParameter(name, min, max, 1, true);
  }

  @Override
  public String canonical(String raw) {
    Objects.requireNonNull(raw, name);
    long value;
    try {
      value = ValueFormat.parseInt(raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
    if (value < min || value > lastValue()) {
      throw new IllegalArgumentException(
          name + ": " + raw + " is outside [" + min + ", " + lastValue() + "]");
    }
    if ((value - min) % step != 0) {
      throw new IllegalArgumentException(
          name + ": " + raw + " is not min + k * step (min " + min + ", step " + step + ")");
    }
    return ValueFormat.formatInt(value);
  }

  @Override
  public String sample(TrialRandom random) {
    if (log) {
      return fromModel(random.nextDouble(modelLow(), modelHigh()));
    }
    return gridValue(random.nextLong(gridSize()));
  }

  @Override
  public long gridSize() {
    return (max - min) / step + 1;
  }

  @Override
  public String gridValue(long position) {
    if (position < 0 || position >= gridSize()) {
      throw new IndexOutOfBoundsException(name + ": grid position " + position);
    }
    return ValueFormat.formatInt(min + position * step);
  }

  @Override
  public double modelLow() {
    return log ? StrictMath.log(min - 0.5) : min - step / 2.0;
  }

  @Override
  public double modelHigh() {
    return log ? StrictMath.log(lastValue() + 0.5) : lastValue() + step / 2.0;
  }

  @Override
  public double toModel(String canonical) {
    long value = ValueFormat.parseInt(canonical);
    return log ? StrictMath.log(value) : value;
  }

  @Override
  public String fromModel(double model) {
    double value = log ? StrictMath.exp(model) : model;
    long k = Math.round((value - min) / step);
    return gridValue(Math.max(0, Math.min(gridSize() - 1, k)));
  }

  @Override
  public boolean discrete() {
    return true;
  }

  @Override
  public double[] modelBin(double model) {
    long value = ValueFormat.parseInt(fromModel(model));
    if (log) {
      return new double[] {StrictMath.log(value - 0.5), StrictMath.log(value + 0.5)};
    }
    return new double[] {value - step / 2.0, value + step / 2.0};
  }

  private long lastValue() {
    return min + (gridSize() - 1) * step;
  }
}
