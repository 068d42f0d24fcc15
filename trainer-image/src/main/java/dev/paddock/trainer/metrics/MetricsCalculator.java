package dev.paddock.trainer.metrics;

import dev.paddock.trainer.data.LabelSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns {@link Predictions} into named metrics. Classification: loss, accuracy, precision, recall,
 * F1 (positive class; macro for multiclass), ROC AUC (macro one-vs-rest), log loss. Regression:
 * loss (MSE on the standardized target), RMSE, MAE, R² in the label's units.
 */
public final class MetricsCalculator {

  private final LabelSpec label;
  private final float posWeight;

  public MetricsCalculator(LabelSpec label, float posWeight) {
    this.label = label;
    this.posWeight = posWeight;
  }

  /** Metrics named {@code <prefix>loss}, {@code <prefix>f1}, ... */
  public Map<String, Double> compute(Predictions p, String prefix) {
    Map<String, Double> m = new LinkedHashMap<>();
    switch (label.task()) {
      case LabelSpec.BINARY -> binary(p, prefix, m);
      case LabelSpec.MULTICLASS -> multiclass(p, prefix, m);
      default -> regression(p, prefix, m);
    }
    return m;
  }

  /** Class probabilities, row-major, {@code classes} per row (2 for binary). */
  public static double[] probabilities(Predictions p, String task) {
    int n = p.rows();
    if (LabelSpec.BINARY.equals(task)) {
      double[] prob = new double[2 * n];
      for (int i = 0; i < n; i++) {
        double q = 1.0 / (1.0 + Math.exp(-p.outputs()[i]));
        prob[2 * i] = 1 - q;
        prob[2 * i + 1] = q;
      }
      return prob;
    }
    int k = p.width();
    double[] prob = new double[n * k];
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        max = Math.max(max, p.outputs()[i * k + c]);
      }
      double sum = 0;
      for (int c = 0; c < k; c++) {
        prob[i * k + c] = Math.exp(p.outputs()[i * k + c] - max);
        sum += prob[i * k + c];
      }
      for (int c = 0; c < k; c++) {
        prob[i * k + c] /= sum;
      }
    }
    return prob;
  }

  private void binary(Predictions p, String prefix, Map<String, Double> m) {
    int n = p.rows();
    double loss = 0;
    double wsum = 0;
    double logloss = 0;
    long tp = 0;
    long fp = 0;
    long fn = 0;
    long correct = 0;
    double[] score = new double[n];
    boolean[] pos = new boolean[n];
    for (int i = 0; i < n; i++) {
      double z = p.outputs()[i];
      double y = p.y()[i];
      double spNeg = softplus(-z);
      loss += p.weight(i) * ((1 - y) * z + (1 + (posWeight - 1) * y) * spNeg);
      wsum += p.weight(i);
      logloss += (1 - y) * z + spNeg;
      boolean predicted = z > 0;
      pos[i] = y > 0.5;
      score[i] = z;
      correct += predicted == pos[i] ? 1 : 0;
      tp += predicted && pos[i] ? 1 : 0;
      fp += predicted && !pos[i] ? 1 : 0;
      fn += !predicted && pos[i] ? 1 : 0;
    }
    m.put(prefix + "loss", loss / wsum);
    m.put(prefix + "accuracy", (double) correct / n);
    putPrf(m, prefix, tp, fp, fn);
    m.put(prefix + "auc", Auc.of(score, pos));
    m.put(prefix + "logloss", logloss / n);
  }

  private static void putPrf(Map<String, Double> m, String prefix, long tp, long fp, long fn) {
    double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    m.put(prefix + "precision", precision);
    m.put(prefix + "recall", recall);
    m.put(
        prefix + "f1", precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
  }

  private void multiclass(Predictions p, String prefix, Map<String, Double> m) {
    int n = p.rows();
    int k = p.width();
    double[] prob = probabilities(p, label.task());
    double loss = 0;
    double wsum = 0;
    double logloss = 0;
    long correct = 0;
    long[][] confusion = new long[k][k];
    for (int i = 0; i < n; i++) {
      int y = (int) p.y()[i];
      double nll = -Math.log(Math.max(prob[i * k + y], 1e-15));
      loss += p.weight(i) * nll;
      wsum += p.weight(i);
      logloss += nll;
      int best = 0;
      for (int c = 1; c < k; c++) {
        best = prob[i * k + c] > prob[i * k + best] ? c : best;
      }
      confusion[y][best]++;
      correct += best == y ? 1 : 0;
    }
    m.put(prefix + "loss", loss / wsum);
    m.put(prefix + "accuracy", (double) correct / n);
    macroPrf(m, prefix, confusion);
    m.put(prefix + "auc", macroAuc(prob, p.y(), k));
    m.put(prefix + "logloss", logloss / n);
  }

  private static void macroPrf(Map<String, Double> m, String prefix, long[][] confusion) {
    int k = confusion.length;
    double sp = 0;
    double sr = 0;
    double sf = 0;
    for (int c = 0; c < k; c++) {
      long tp = confusion[c][c];
      long fp = 0;
      long fn = 0;
      for (int o = 0; o < k; o++) {
        fp += o == c ? 0 : confusion[o][c];
        fn += o == c ? 0 : confusion[c][o];
      }
      Map<String, Double> one = new LinkedHashMap<>();
      putPrf(one, "", tp, fp, fn);
      sp += one.get("precision");
      sr += one.get("recall");
      sf += one.get("f1");
    }
    m.put(prefix + "precision", sp / k);
    m.put(prefix + "recall", sr / k);
    m.put(prefix + "f1", sf / k);
  }

  private static double macroAuc(double[] prob, float[] y, int k) {
    int n = y.length;
    double sum = 0;
    int counted = 0;
    for (int c = 0; c < k; c++) {
      double[] score = new double[n];
      boolean[] pos = new boolean[n];
      for (int i = 0; i < n; i++) {
        score[i] = prob[i * k + c];
        pos[i] = (int) y[i] == c;
      }
      double auc = Auc.of(score, pos);
      if (!Double.isNaN(auc)) {
        sum += auc;
        counted++;
      }
    }
    return counted == 0 ? Double.NaN : sum / counted;
  }

  private void regression(Predictions p, String prefix, Map<String, Double> m) {
    int n = p.rows();
    double std = label.std();
    double loss = 0;
    double wsum = 0;
    double se = 0;
    double ae = 0;
    double ySum = 0;
    for (int i = 0; i < n; i++) {
      double d = p.outputs()[i] - p.y()[i];
      loss += p.weight(i) * d * d;
      wsum += p.weight(i);
      se += d * d * std * std;
      ae += Math.abs(d) * std;
      ySum += p.y()[i];
    }
    double yMean = ySum / n;
    double ss = 0;
    for (int i = 0; i < n; i++) {
      double d = (p.y()[i] - yMean) * std;
      ss += d * d;
    }
    m.put(prefix + "loss", loss / wsum);
    m.put(prefix + "rmse", Math.sqrt(se / n));
    m.put(prefix + "mae", ae / n);
    m.put(prefix + "r2", ss == 0 ? 0 : 1 - se / ss);
  }

  static double softplus(double x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }
}
