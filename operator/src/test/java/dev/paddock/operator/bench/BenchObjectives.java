package dev.paddock.operator.bench;

import dev.paddock.operator.search.CategoricalParameter;
import dev.paddock.operator.search.FloatParameter;
import dev.paddock.operator.search.IntParameter;
import dev.paddock.operator.search.SearchSpace;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The benchmark functions, all minimized; bench/search/optuna_bench.py defines the same ones. */
record BenchObjectives(
    String name, SearchSpace space, ToDoubleFunction<Map<String, String>> f, double optimum) {

  static final List<String> ACTIVATIONS = List.of("relu", "tanh", "gelu", "sigmoid");
  private static final double[] ACTIVATION_PENALTY = {0.2, 0.5, 0.0, 1.0};

  static List<BenchObjectives> all() {
    return List.of(branin(), hartmann6(), mixed());
  }

  static BenchObjectives branin() {
    SearchSpace space =
        SearchSpace.of(FloatParameter.linear("x1", -5, 10), FloatParameter.linear("x2", 0, 15));
    return new BenchObjectives(
        "branin",
        space,
        p -> {
          double x1 = d(p, "x1");
          double x2 = d(p, "x2");
          double b = 5.1 / (4 * Math.PI * Math.PI);
          double c = 5 / Math.PI;
          double t = 1 / (8 * Math.PI);
          return Math.pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * Math.cos(x1) + 10;
        },
        0.397887357729738);
  }

  static BenchObjectives hartmann6() {
    double[] alpha = {1.0, 1.2, 3.0, 3.2};
    double[][] a = {
      {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14},
      {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}
    };
    double[][] p = {
      {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
      {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
      {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
      {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}
    };
    SearchSpace space =
        new SearchSpace(
            java.util.stream.IntStream.range(0, 6)
                .mapToObj(
                    i ->
                        (dev.paddock.operator.search.ParameterSpec)
                            FloatParameter.linear("x" + i, 0, 1))
                .toList());
    return new BenchObjectives(
        "hartmann6",
        space,
        v -> {
          double sum = 0;
          for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
              double x = d(v, "x" + j);
              inner += a[i][j] * (x - p[i][j]) * (x - p[i][j]);
            }
            sum += alpha[i] * Math.exp(-inner);
          }
          return -sum;
        },
        -3.32236801141551);
  }

  /** A log float, an int, a stepped int and a categorical; optimum 0 at (1e-3, 4, 128, gelu). */
  static BenchObjectives mixed() {
    SearchSpace space =
        SearchSpace.of(
            FloatParameter.logScale("lr", 1e-5, 1e-1),
            IntParameter.range("layers", 1, 8),
            IntParameter.stepped("batch_size", 32, 1024, 32),
            new CategoricalParameter("activation", ACTIVATIONS));
    return new BenchObjectives(
        "mixed",
        space,
        p -> {
          double lr = Math.log10(d(p, "lr")) + 3;
          double layers = d(p, "layers") - 4;
          double batch = Math.log(d(p, "batch_size")) / Math.log(2) - 7;
          double act = ACTIVATION_PENALTY[ACTIVATIONS.indexOf(p.get("activation"))];
          return lr * lr + 0.1 * layers * layers + 0.05 * batch * batch + act;
        },
        0.0);
  }

  private static double d(Map<String, String> p, String name) {
    return Double.parseDouble(p.get(name));
  }
}
