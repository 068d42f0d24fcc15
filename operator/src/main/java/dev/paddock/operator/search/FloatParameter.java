package dev.paddock.operator.search;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A real-valued parameter: {@code {name, float: {min, max, log, step}}}.
 *
 * @param step optional grid spacing from {@code min}; not allowed together with {@code log}
 */
public record FloatParameter(String name, double min, double max, boolean log, Double step)
    implements NumericParameter {

  public FloatParameter {
    ParameterSpec.checkName(name);
    if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
      throw new IllegalArgumentException(
          name + ": float needs finite min <= max, got [" + min + ", " + max + "]");
    }
    if (log && min <= 0) {
      throw new IllegalArgumentException(name + ": a log float needs min > 0, got " + min);
    }
    if (step != null) {
      if (!(step > 0) || !Double.isFinite(step)) {
        throw new IllegalArgumentException(name + ": step must be > 0, got " + step);
      }
      if (log) {
        throw new IllegalArgumentException(name + ": a float cannot have both log and step");
      }
    }
  }

  public static FloatParameter linear(String name, double min, double max) {
    return new FloatParameter(name, min, max, false, null);
  }

  public static FloatParameter logScale(String name, double min, double max) {
    return new FloatParameter(name, min, max, true, null);
  }

  public static FloatParameter stepped(String name, double min, double max, double step) {
    return new FloatParameter(name, min, max, false, step);
  }

  @Override
  public String canonical(String raw) {
    Objects.requireNonNull(raw, name);
    double value;
    try {
      value = ValueFormat.parseFloat(raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
    double tolerance = 1e-9 * Math.max(1.0, Math.max(Math.abs(min), Math.abs(max)));
    if (value < min - tolerance || value > max + tolerance) {
      throw new IllegalArgumentException(
          name + ": " + raw + " is outside [" + fmt(min) + ", " + fmt(max) + "]");
    }
    if (step != null) {
      double k = (value - min) / step;
      if (Math.abs(k - Math.rint(k)) > 1e-6) {
        throw new IllegalArgumentException(
            name + ": " + raw + " is not min + k * step (step " + fmt(step) + ")");
      }
      return gridValue((long) Math.rint(k));
    }
    if (value >= min && value <= max && ValueFormat.isCanonicalPlain(raw, value)) {
      return raw; // what clampFormat(value) gives back, without the exact decimal expansion
    }
    return clampFormat(value);
  }

  @Override
  public String sample(TrialRandom random) {
    if (step != null) {
      return gridValue(random.nextLong(gridSize()));
    }
    if (log) {
      double lnMin = StrictMath.log(min);
      double lnMax = StrictMath.log(max);
      return clampFormat(StrictMath.exp(random.nextDouble(lnMin, lnMax)));
    }
    return clampFormat(random.nextDouble(min, max));
  }

  @Override
  public long gridSize() {
    if (step == null) {
      return min == max ? 1 : -1;
    }
    return (long) Math.floor((max - min) / step + 1e-9) + 1;
  }

  @Override
  public String gridValue(long position) {
    if (step == null) {
      if (min == max && position == 0) {
        return fmt(min);
      }
      throw new IllegalStateException(name + ": a continuous float has no grid");
    }
    if (position < 0 || position >= gridSize()) {
      throw new IndexOutOfBoundsException(name + ": grid position " + position);
    }
    // Exact decimal arithmetic so that 0.1 + 2 * 0.1 reads 0.3, not 0.30000000000000004.
    BigDecimal value =
        new BigDecimal(fmt(min))
            .add(new BigDecimal(fmt(step)).multiply(BigDecimal.valueOf(position)));
    return ValueFormat.formatDecimal(value);
  }

  @Override
  public double modelLow() {
    if (step != null) {
      return min - step / 2;
    }
    return log ? StrictMath.log(min) : min;
  }

  @Override
  public double modelHigh() {
    if (step != null) {
      return min + (gridSize() - 1) * step + step / 2;
    }
    return log ? StrictMath.log(max) : max;
  }

  @Override
  public double toModel(String canonical) {
    double value = ValueFormat.parseFloat(canonical);
    return log ? StrictMath.log(value) : value;
  }

  @Override
  public String fromModel(double model) {
    if (step != null) {
      long k = Math.round((model - min) / step);
      return gridValue(Math.max(0, Math.min(gridSize() - 1, k)));
    }
    double value = log ? StrictMath.exp(model) : model;
    return clampFormat(Math.max(min, Math.min(max, value)));
  }

  @Override
  public boolean discrete() {
    return step != null;
  }

  @Override
  public double[] modelBin(double model) {
    double center = ValueFormat.parseFloat(fromModel(model));
    return new double[] {center - step / 2, center + step / 2};
  }

  /** Formats, rounding towards the inside of [min, max] when plain rounding would leave it. */
  private String clampFormat(double value) {
    String text = ValueFormat.formatFloat(value);
    double parsed = Double.parseDouble(text);
    if (parsed > max) {
      text = ValueFormat.formatFloat(value, RoundingMode.FLOOR);
    } else if (parsed < min) {
      text = ValueFormat.formatFloat(value, RoundingMode.CEILING);
    }
    return text;
  }

  private static String fmt(double value) {
    return ValueFormat.formatFloat(value);
  }
}
