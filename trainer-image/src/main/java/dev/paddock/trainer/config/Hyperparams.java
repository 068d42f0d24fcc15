package dev.paddock.trainer.config;

import dev.paddock.trainer.util.TrainerException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tunable parameters of a run, by the names a study's search space uses ({@code lr}, {@code
 * hidden}, {@code batch_size}, ...). Values arrive as strings (flags, {@code PADDOCK_PARAMS}) and
 * are parsed and validated on read, so a bad value fails with the parameter's name.
 */
public final class Hyperparams {

  /** Every known parameter with its default; {@code null} means "not set". */
  static final Map<String, String> DEFAULTS = defaults();

  private final Map<String, String> values;

  private Hyperparams(Map<String, String> values) {
    this.values = values;
  }

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("lr", "0.001");
    d.put("hidden", "256,128,64");
    d.put("batch_size", "256");
    d.put("epochs", "10");
    d.put("optimizer", "adam");
    d.put("momentum", "0.9");
    d.put("weight_decay", "0");
    d.put("dropout", "0");
    d.put("batch_norm", "false");
    d.put("activation", "relu");
    d.put("lr_schedule", "fixed");
    d.put("lr_step_epochs", "10");
    d.put("lr_gamma", "0.1");
    d.put("grad_clip", "0");
    d.put("seed", "42");
    d.put("pos_weight", "1");
    d.put("class_weight", "none");
    d.put("half_life_days", "0");
    d.put("val_fraction", "0.2");
    return Collections.unmodifiableMap(d);
  }

  /** Starts from the defaults, then applies each layer in order (later layers win). */
  @SafeVarargs
  public static Hyperparams resolve(Map<String, String>... layers) {
    Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
    for (Map<String, String> layer : layers) {
      for (Map.Entry<String, String> e : layer.entrySet()) {
        String key = e.getKey().trim().toLowerCase(Locale.ROOT);
        if (!DEFAULTS.containsKey(key)) {
          throw TrainerException.user(
              "unknown parameter '" + e.getKey() + "' (known: " + DEFAULTS.keySet() + ")");
        }
        if (e.getValue() != null) {
          v.put(key, e.getValue().trim());
        }
      }
    }
    Hyperparams h = new Hyperparams(v);
    h.validate();
    return h;
  }

  private void validate() {
    positive("lr", lr());
    hidden();
    positive("batch_size", batchSize());
    positive("epochs", epochs());
    oneOf("optimizer", optimizer(), "adam", "adamw", "sgd");
    oneOf("activation", activation(), "relu", "tanh", "sigmoid", "gelu", "leaky_relu");
    oneOf("lr_schedule", lrSchedule(), "fixed", "cosine", "step");
    range("dropout", dropout(), 0, 0.95);
    range("val_fraction", valFraction(), 0.01, 0.9);
    range("momentum", momentum(), 0, 0.999);
    range("weight_decay", weightDecay(), 0, 1);
    range("grad_clip", gradClip(), 0, Double.MAX_VALUE);
    range("pos_weight", posWeight(), 1e-6, 1e6);
    range("half_life_days", halfLifeDays(), 0, Double.MAX_VALUE);
    positive("lr_step_epochs", lrStepEpochs());
    range("lr_gamma", lrGamma(), 1e-6, 1);
    batchNorm();
    seed();
  }

  /**
   * The resolved values, defaults included, sorted by name: what {@code hyperparams.json} holds.
   */
  public Map<String, String> asMap() {
    return Collections.unmodifiableMap(new TreeMap<>(values));
  }

  public float lr() {
    return (float) number("lr");
  }

  /** Hidden layer widths, e.g. {@code "256,128,64"}; an empty string means no hidden layer. */
  public int[] hidden() {
    String raw = values.get("hidden").replace("[", "").replace("]", "").replace('x', ',');
    if (raw.isBlank()) {
      return new int[0];
    }
    try {
      int[] h = Arrays.stream(raw.split("[,; ]+")).mapToInt(Integer::parseInt).toArray();
      for (int w : h) {
        if (w <= 0 || w > 65536) {
          throw new NumberFormatException();
        }
      }
      return h;
    } catch (NumberFormatException e) {
      throw TrainerException.user(
          "parameter hidden: '" + values.get("hidden") + "' is not a list like \"256,128,64\"");
    }
  }

  public int batchSize() {
    return integer("batch_size");
  }

  public int epochs() {
    return integer("epochs");
  }

  public String optimizer() {
    return text("optimizer");
  }

  public float momentum() {
    return (float) number("momentum");
  }

  public float weightDecay() {
    return (float) number("weight_decay");
  }

  public float dropout() {
    return (float) number("dropout");
  }

  public boolean batchNorm() {
    String b = text("batch_norm");
    if (!b.equals("true") && !b.equals("false")) {
      throw TrainerException.user("parameter batch_norm: '" + b + "' is not true or false");
    }
    return Boolean.parseBoolean(b);
  }

  public String activation() {
    return text("activation");
  }

  public String lrSchedule() {
    return text("lr_schedule");
  }

  public int lrStepEpochs() {
    return integer("lr_step_epochs");
  }

  public float lrGamma() {
    return (float) number("lr_gamma");
  }

  public float gradClip() {
    return (float) number("grad_clip");
  }

  public long seed() {
    try {
      return Long.parseLong(values.get("seed"));
    } catch (NumberFormatException e) {
      throw TrainerException.user("parameter seed: '" + values.get("seed") + "' is not an integer");
    }
  }

  public float posWeight() {
    return (float) number("pos_weight");
  }

  /** {@code none}, {@code balanced}, or explicit weights like {@code "0:1,1:5"}. */
  public String classWeight() {
    return values.get("class_weight");
  }

  public double halfLifeDays() {
    return number("half_life_days");
  }

  public double valFraction() {
    return number("val_fraction");
  }

  private String text(String key) {
    return values.get(key).toLowerCase(Locale.ROOT);
  }

  private double number(String key) {
    try {
      double d = Double.parseDouble(values.get(key));
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw TrainerException.user(
          "parameter " + key + ": '" + values.get(key) + "' is not a finite number");
    }
  }

  private int integer(String key) {
    double d = number(key);
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw TrainerException.user(
          "parameter " + key + ": '" + values.get(key) + "' is not an integer");
    }
    return (int) d;
  }

  private static void positive(String key, double v) {
    if (!(v > 0)) {
      throw TrainerException.user("parameter " + key + ": must be > 0, got " + v);
    }
  }

  private static void range(String key, double v, double min, double max) {
    if (v < min || v > max) {
      throw TrainerException.user(
          "parameter " + key + ": must be in [" + min + ", " + max + "], got " + v);
    }
  }

  private static void oneOf(String key, String v, String... allowed) {
    if (!Arrays.asList(allowed).contains(v)) {
      throw TrainerException.user(
          "parameter " + key + ": '" + v + "' is not one of " + Arrays.toString(allowed));
    }
  }
}
