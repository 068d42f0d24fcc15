package dev.paddock.trainer.metrics;

import dev.paddock.trainer.data.LabelSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For each class: the mean predicted probability of that class on rows that belong to it (in-class)
 * and on rows that do not (out-of-class), and their separation. A model that learns nothing has
 * separation near 0.
 */
public final class ProbabilityStats {

  private ProbabilityStats() {}

  /** One row per class: class, in_class_mean, out_class_mean, separation. */
  public static List<Map<String, Object>> compute(Predictions p, LabelSpec label) {
    double[] prob = MetricsCalculator.probabilities(p, label.task());
    int k = label.classes().size();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int c = LabelSpec.BINARY.equals(label.task()) ? 1 : 0; c < k; c++) {
      double in = 0;
      double out = 0;
      long nin = 0;
      long nout = 0;
      for (int i = 0; i < p.rows(); i++) {
        double q = prob[i * k + c];
        if ((int) p.y()[i] == c) {
          in += q;
          nin++;
        } else {
          out += q;
          nout++;
        }
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("class", label.classes().get(c));
      double inMean = nin == 0 ? Double.NaN : in / nin;
      double outMean = nout == 0 ? Double.NaN : out / nout;
      row.put("in_class_mean", inMean);
      row.put("out_class_mean", outMean);
      row.put("separation", inMean - outMean);
      rows.add(row);
    }
    return rows;
  }
}
