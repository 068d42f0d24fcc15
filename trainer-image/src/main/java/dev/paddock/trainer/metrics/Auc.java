package dev.paddock.trainer.metrics;

import java.util.Arrays;

/** ROC AUC by the rank-sum (Mann-Whitney) statistic, with ties counted as half. */
public final class Auc {

  private Auc() {}

  /** AUC of {@code score} for the rows where {@code positive[i]}; NaN if one class is absent. */
  public static double of(double[] score, boolean[] positive) {
    int n = score.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
    double rankSumPos = 0;
    long pos = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
        j++;
      }
      double avgRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (positive[order[k]]) {
          rankSumPos += avgRank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = n - pos;
    if (pos == 0 || neg == 0) {
      return Double.NaN;
    }
    return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }
}
