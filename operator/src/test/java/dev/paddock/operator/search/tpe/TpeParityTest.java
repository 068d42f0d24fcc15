package dev.paddock.operator.search.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paddock.operator.search.CategoricalParameter;
import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.FloatParameter;
import dev.paddock.operator.search.IntParameter;
import dev.paddock.operator.search.SearchSpace;
import dev.paddock.operator.search.TpeSettings;
import dev.paddock.operator.search.TrialObservation;
import dev.paddock.operator.search.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Paddock's TPE model against Optuna's: on a fixed study (30 finished and 2 running trials over a
 * float, a log float, an int and a categorical) the good/bad split at the default gamma and the
 * acquisition log l(x) - log g(x) at a few points are those Optuna 5.1.0's TPESampler computes at
 * its defaults. The expected values are printed by {@code bench/search/parity_fixture.py}, which
 * makes numpy's argsort stable so that Optuna, like Paddock, orders tied observations by age
 * (numpy's default sort leaves the order of ties, and so which equal int value gets which weight,
 * to its implementation).
 */
class TpeParityTest {

  private static final SearchSpace SPACE =
      SearchSpace.of(
          FloatParameter.linear("x", -5, 10),
          FloatParameter.logScale("lr", 1e-5, 1e-1),
          IntParameter.range("layers", 1, 8),
          CategoricalParameter.of("act", "relu", "tanh", "gelu", "sigmoid"));

  /** x, lr, layers, act, objective (minimized); the last two are still running. */
  private static final List<Object[]> ROWS =
      List.of(
          row("-3.855", "0.0132", "4", "sigmoid", 36.036711),
          row("5.852", "0.0817", "7", "sigmoid", 19.894497),
          row("2.517", "1.94e-05", "3", "relu", 3.998912),
          row("2.498", "0.00521", "8", "sigmoid", 2.46186),
          row("0.714", "1.84e-05", "3", "gelu", 4.964653),
          row("8.644", "7.14e-05", "6", "relu", 46.556744),
          row("8.968", "1.26e-05", "4", "tanh", 52.661616),
          row("9.252", "8.34e-05", "7", "gelu", 54.655387),
          row("8.637", "3.41e-05", "4", "sigmoid", 46.702579),
          row("6.256", "0.00474", "1", "relu", 19.970212),
          row("-1.927", "0.000918", "5", "relu", 16.22271),
          row("2.161", "0.000291", "4", "relu", 0.813332),
          row("6.53", "0.00018", "8", "relu", 22.775519),
          row("-0.859", "0.000648", "4", "sigmoid", 8.709385),
          row("4.861", "0.000303", "5", "sigmoid", 9.254223),
          row("5.79", "0.000449", "6", "tanh", 15.585033),
          row("-2.293", "0.00921", "3", "sigmoid", 20.159646),
          row("1.397", "0.00345", "4", "sigmoid", 1.152858),
          row("1.223", "1.01e-05", "6", "sigmoid", 5.686462),
          row("5.641", "0.00125", "7", "gelu", 14.166273),
          row("9.332", "0.00539", "8", "sigmoid", 55.993446),
          row("-0.367", "0.00235", "1", "gelu", 6.64038),
          row("9.475", "0.0603", "8", "tanh", 60.745155),
          row("2.085", "0.0232", "5", "relu", 2.671782),
          row("-0.369", "0.000711", "7", "tanh", 7.034104),
          row("2.287", "3.53e-05", "8", "tanh", 3.891327),
          row("-0.134", "0.000159", "5", "tanh", 5.991723),
          row("1.224", "0.00062", "5", "gelu", 0.945277),
          row("6.946", "0.00123", "1", "gelu", 25.370999),
          row("6.673", "0.0354", "2", "tanh", 25.33634),
          row("7.007", "0.0571", "8", "tanh", 29.855819),
          row("8.135", "0.000128", "5", "gelu", 38.735299));

  /** The trials Optuna puts in the good group (study indices). */
  private static final List<Integer> OPTUNA_BELOW = List.of(11, 17, 27);

  private static final String[][] POINTS = {
    {"2.0", "0.001", "4", "gelu"},
    {"-4.5", "0.05", "8", "relu"},
    {"7.25", "2e-05", "1", "tanh"},
    {"1.5", "0.0003", "5", "sigmoid"},
  };

  private static final double[] OPTUNA_ACQUISITION = {
    4.748063028711342, 1.9708050913051132, 1.9215557354565451, -0.5423811842472013
  };

  private static Object[] row(String x, String lr, String layers, String act, double value) {
    return new Object[] {x, lr, layers, act, value};
  }

  private static Map<String, String> params(Object[] row) {
    return Map.of(
        "x",
        (String) row[0],
        "lr",
        (String) row[1],
        "layers",
        (String) row[2],
        "act",
        (String) row[3]);
  }

  private static TpeHistory history() {
    TpeHistory history = new TpeHistory(SPACE);
    for (int i = 0; i < ROWS.size(); i++) {
      Object[] row = ROWS.get(i);
      TrialObservation trial =
          i >= 30
              ? TrialObservation.running(i, params(row))
              : TrialObservation.finished(i, params(row), TrialState.SUCCEEDED, (Double) row[4]);
      history.add(trial, SPACE.canonicalComplete(params(row)).orElseThrow());
    }
    return history;
  }

  @Test
  void splitsLikeOptunaAtTheDefaultGamma() {
    TpeHistory history = history();
    ObservationSplit split =
        ObservationSplit.of(
            history.observed(), Direction.MINIMIZE, TpeSettings.DEFAULTS.gamma(), true);
    List<double[]> expected = new ArrayList<>();
    for (int i : OPTUNA_BELOW) {
      expected.add(history.observed().get(i).model());
    }
    assertThat(split.below()).containsExactlyElementsOf(expected);
    assertThat(split.above()).hasSize(ROWS.size() - OPTUNA_BELOW.size());
  }

  @Test
  void scoresCandidatesLikeOptuna() {
    TpeHistory history = history();
    List<Dimension> dims = history.dims();
    int[] all = {0, 1, 2, 3};
    ObservationSplit split =
        ObservationSplit.of(
            history.observed(), Direction.MINIMIZE, TpeSettings.DEFAULTS.gamma(), true);
    double prior = TpeSettings.DEFAULTS.priorWeight();
    ParzenEstimator below = new ParzenEstimator(split.below(), all, dims, prior);
    ParzenEstimator above = new ParzenEstimator(split.above(), all, dims, prior);
    for (int p = 0; p < POINTS.length; p++) {
      Map<String, String> canonical =
          SPACE
              .canonicalComplete(
                  Map.of(
                      "x",
                      POINTS[p][0],
                      "lr",
                      POINTS[p][1],
                      "layers",
                      POINTS[p][2],
                      "act",
                      POINTS[p][3]))
              .orElseThrow();
      double[] x = new double[dims.size()];
      double[] binLow = new double[dims.size()];
      double[] binHigh = new double[dims.size()];
      for (int d = 0; d < dims.size(); d++) {
        x[d] = dims.get(d).toModel(canonical.get(dims.get(d).parameter().name()));
        if (dims.get(d).discrete()) {
          double[] bin = dims.get(d).numeric().modelBin(x[d]);
          binLow[d] = bin[0];
          binHigh[d] = bin[1];
        }
      }
      double acquisition =
          below.logDensity(x, binLow, binHigh) - above.logDensity(x, binLow, binHigh);
      // erfc is a Chebyshev fit (1.2e-7 relative), so the masses agree to about 1e-6.
      assertThat(acquisition).as("point %d", p).isCloseTo(OPTUNA_ACQUISITION[p], within(1e-5));
    }
  }
}
