package dev.paddock.operator.studyreport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthetic study for report tests: 12 trials (8 succeeded, 2 pruned, 1 failed, 1 running) over a
 * log-float {@code lr}, an int {@code batch_size} and a categorical {@code hidden}. The objective
 * (maximized {@code val_f1}) is driven by {@code lr} alone: best near {@code 1e-3}.
 */
final class SyntheticStudy {
  static final String[] LRS = {
    "0.0001", "0.0003", "0.001", "0.003", "0.01", "0.00015", "0.0008", "0.002", "0.006", "0.0005",
    "0.0012", "0.00002"
  };

  /** Balanced against lr: each third of the trials by lr has every batch size. */
  static final String[] BATCHES = {
    "64", "256", "128", "64", "256", "128", "64", "32", "128", "32", "256", "32"
  };

  static final String[] HIDDEN = {
    "512,256,128", "256,128,64", "512,256,128", "256,128,64", "512,256,128", "256,128,64",
    "512,256,128", "256,128,64", "512,256,128", "256,128,64", "512,256,128", "256,128,64"
  };

  private SyntheticStudy() {}

  static Map<String, ParameterKind> parameters() {
    Map<String, ParameterKind> parameters = new LinkedHashMap<>();
    parameters.put("lr", ParameterKind.FLOAT_LOG);
    parameters.put("batch_size", ParameterKind.INT);
    parameters.put("hidden", ParameterKind.CATEGORICAL);
    return parameters;
  }

  /** The objective as a function of lr: 0.30 at 1e-3, falling by 0.06 per decade squared. */
  static double objective(String lr) {
    double decades = Math.log10(Double.parseDouble(lr)) + 3;
    return 0.30 - 0.06 * decades * decades;
  }

  static List<ReportTrial> trials() {
    List<ReportTrial> trials = new ArrayList<>();
    for (int i = 0; i < LRS.length; i++) {
      trials.add(trial(i, HIDDEN[i]));
    }
    return trials;
  }

  static ReportTrial trial(int i, String hidden) {
    String state =
        switch (i) {
          case 5, 9 -> ReportTrial.PRUNED;
          case 8 -> ReportTrial.FAILED;
          case 11 -> ReportTrial.RUNNING;
          default -> ReportTrial.SUCCEEDED;
        };
    double objective = objective(LRS[i]);
    int epochs = ReportTrial.PRUNED.equals(state) ? 4 : 12;
    Double reported = ReportTrial.FAILED.equals(state) ? null : curveValue(objective, epochs, 12);
    Map<String, String> parameters =
        Map.of("lr", LRS[i], "batch_size", BATCHES[i], "hidden", hidden);
    return new ReportTrial(
        "churn-mlp-" + i,
        i,
        parameters,
        state,
        reported,
        reported == null || ReportTrial.RUNNING.equals(state) ? null : grade(reported),
        reported == null ? null : "MLP-" + grade(reported) + "-L" + i,
        ReportTrial.FAILED.equals(state) ? "OOMKilled: trainer ran out of memory" : null,
        curve(objective, ReportTrial.FAILED.equals(state) ? 3 : epochs),
        60L + 7 * i);
  }

  private static double curveValue(double objective, int epoch, int epochs) {
    return objective - 0.12 * Math.exp(-epoch / 3.0) + 0.12 * Math.exp(-epochs / 3.0);
  }

  private static List<double[]> curve(double objective, int epochs) {
    List<double[]> curve = new ArrayList<>();
    for (int e = 1; e <= epochs; e++) {
      curve.add(new double[] {e, curveValue(objective, e, 12)});
    }
    return curve;
  }

  static String grade(double objective) {
    if (objective >= 0.29) {
      return "S";
    }
    if (objective >= 0.25) {
      return "A";
    }
    if (objective >= 0.2) {
      return "B";
    }
    if (objective >= 0.1) {
      return "C";
    }
    return objective >= 0 ? "D" : "F";
  }

  static StudyReportData data(List<ReportTrial> trials) {
    return new StudyReportData(
        "churn-mlp",
        "ml-team",
        "val_f1",
        true,
        0.31,
        "Succeeded",
        "maxTrials reached: 12 trials",
        Instant.parse("2026-01-10T09:00:00Z"),
        Instant.parse("2026-01-10T09:14:05Z"),
        trials,
        List.of("MLP-S-L2", "MLP-S-L10"),
        Map.of("primary", "MLP-S-L2"),
        parameters(),
        null);
  }

  static StudyReportData data() {
    return data(trials());
  }
}
