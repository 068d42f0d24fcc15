package dev.paddock.trainer.data;

import dev.paddock.trainer.config.Hyperparams;
import dev.paddock.trainer.util.TrainerException;
import java.util.Arrays;
import java.util.List;

/**
 * Per-row sample weights: class weights ({@code class_weight}: none, balanced, or {@code "0:1,1:5"}
 * by class value) times recency weights ({@code half_life_days}: a row {@code h} days older than
 * the newest training row counts half).
 */
final class SampleWeights {

  private final Hyperparams hp;
  private final LabelSpec label;

  SampleWeights(Hyperparams hp, LabelSpec label) {
    this.hp = hp;
    this.label = label;
  }

  /** Returns the weights, or null when every row weighs 1. */
  float[] compute(float[] y, byte[] part, double[] times) {
    double[] perClass = classWeights(y, part);
    double halfLife = hp.halfLifeDays();
    if (perClass == null && halfLife <= 0) {
      return null;
    }
    if (halfLife > 0 && times == null) {
      throw TrainerException.user("half_life_days needs --time-column");
    }
    double newest = Double.NEGATIVE_INFINITY;
    if (halfLife > 0) {
      for (int i = 0; i < y.length; i++) {
        if (part[i] == SplitAssigner.TRAIN) {
          newest = Math.max(newest, times[i]);
        }
      }
    }
    float[] w = new float[y.length];
    for (int i = 0; i < y.length; i++) {
      double v = perClass == null ? 1.0 : perClass[(int) y[i]];
      if (halfLife > 0) {
        v *= Math.pow(0.5, Math.max(0, newest - times[i]) / halfLife);
      }
      w[i] = (float) v;
    }
    return w;
  }

  private double[] classWeights(float[] y, byte[] part) {
    String spec = hp.classWeight().trim();
    if (spec.isEmpty() || spec.equalsIgnoreCase("none")) {
      return null;
    }
    if (!label.classification()) {
      throw TrainerException.user("class_weight applies to classification tasks only");
    }
    List<String> classes = label.classes();
    double[] w = new double[classes.size()];
    if (spec.equalsIgnoreCase("balanced")) {
      long[] counts = new long[classes.size()];
      long total = 0;
      for (int i = 0; i < y.length; i++) {
        if (part[i] == SplitAssigner.TRAIN) {
          counts[(int) y[i]]++;
          total++;
        }
      }
      for (int c = 0; c < w.length; c++) {
        w[c] = counts[c] == 0 ? 0 : (double) total / (classes.size() * counts[c]);
      }
      return w;
    }
    Arrays.fill(w, 1.0);
    for (String kv : spec.split(",")) {
      String[] p = kv.split(":", 2);
      int c = p.length == 2 ? classes.indexOf(p[0].trim()) : -1;
      if (c < 0) {
        throw TrainerException.user(
            "class_weight '" + spec + "': expected class:weight pairs over classes " + classes);
      }
      try {
        w[c] = Double.parseDouble(p[1].trim());
      } catch (NumberFormatException e) {
        throw TrainerException.user("class_weight '" + spec + "': '" + p[1] + "' is not a number");
      }
    }
    return w;
  }
}
