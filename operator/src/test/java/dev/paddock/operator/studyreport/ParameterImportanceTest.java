package dev.paddock.operator.studyreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterImportanceTest {

  private static ReportTrial trial(int index, double objective, Map<String, String> parameters) {
    return new ReportTrial(
        "t" + index,
        index,
        parameters,
        ReportTrial.SUCCEEDED,
        objective,
        null,
        null,
        null,
        null,
        null);
  }

  /** 12 trials: the objective is {@code driver}; {@code noise} and {@code flavor} are balanced. */
  private static List<ReportTrial> drivenByOneParameter() {
    List<ReportTrial> trials = new ArrayList<>();
    String[] flavors = {"a", "b", "c"};
    for (int i = 0; i < 12; i++) {
      double driver = Math.pow(10, -5 + i * 0.25);
      Map<String, String> parameters =
          Map.of(
              "driver",
              String.valueOf(driver),
              "noise",
              String.valueOf(32 * (1 + i % 4)),
              "flavor",
              flavors[i % 3],
              "constant",
              "7");
      trials.add(trial(i, 0.1 + 0.01 * i, parameters));
    }
    return trials;
  }

  private static Map<String, ParameterKind> kinds() {
    Map<String, ParameterKind> kinds = new LinkedHashMap<>();
    kinds.put("noise", ParameterKind.INT);
    kinds.put("flavor", ParameterKind.CATEGORICAL);
    kinds.put("constant", ParameterKind.INT);
    kinds.put("driver", ParameterKind.FLOAT_LOG);
    return kinds;
  }

  @Test
  void ranksTheParameterThatDrivesTheObjectiveFirst() {
    ParameterImportance.Result result =
        ParameterImportance.compute(kinds(), drivenByOneParameter());

    assertThat(result.notEnoughTrials()).isFalse();
    assertThat(result.trials()).isEqualTo(12);
    ParameterImportance.Entry first = result.entries().get(0);
    assertThat(first.parameter()).isEqualTo("driver");
    assertThat(first.explained()).isGreaterThan(0.8);
    assertThat(first.share()).isGreaterThan(0.8);
    for (ParameterImportance.Entry other : result.entries().subList(1, 4)) {
      assertThat(other.share()).isLessThan(first.share() / 4);
    }
    assertThat(result.entries().stream().mapToDouble(ParameterImportance.Entry::share).sum())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void aConstantParameterScoresZeroWithItsReason() {
    ParameterImportance.Entry constant =
        ParameterImportance.compute(kinds(), drivenByOneParameter()).entries().stream()
            .filter(e -> e.parameter().equals("constant"))
            .findFirst()
            .orElseThrow();

    assertThat(constant.status()).isEqualTo(ParameterImportance.Status.CONSTANT);
    assertThat(constant.groups()).isEqualTo(1);
    assertThat(constant.share()).isZero();
  }

  @Test
  void tiedValuesAlwaysShareABin() {
    List<ReportTrial> trials = new ArrayList<>();
    double[] values = {1, 1, 1, 1, 1, 1, 1, 2, 3};
    for (int i = 0; i < values.length; i++) {
      trials.add(trial(i, i, Map.of("x", String.valueOf(values[i]))));
    }

    List<List<Double>> groups = ParameterImportance.group("x", ParameterKind.FLOAT, trials);

    assertThat(groups.get(0)).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
    assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(9);
  }

  @Test
  void quantileBinsGrowWithTheSquareRootOfTheTrialsBetweenTwoAndFive() {
    assertThat(ParameterImportance.binCount(3)).isEqualTo(2);
    assertThat(ParameterImportance.binCount(12)).isEqualTo(3);
    assertThat(ParameterImportance.binCount(16)).isEqualTo(4);
    assertThat(ParameterImportance.binCount(400)).isEqualTo(5);
  }

  @Test
  void fewerThanThreeTrialsIsNotEnough() {
    List<ReportTrial> two = drivenByOneParameter().subList(0, 2);

    ParameterImportance.Result result = ParameterImportance.compute(kinds(), two);

    assertThat(result.notEnoughTrials()).isTrue();
    assertThat(result.entries()).isEmpty();
  }

  @Test
  void aCategoricalWithOneTrialPerValueCannotBeJudged() {
    List<ReportTrial> trials = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      trials.add(trial(i, i, Map.of("name", "v" + i)));
    }

    ParameterImportance.Entry entry =
        ParameterImportance.compute(Map.of("name", ParameterKind.CATEGORICAL), trials)
            .entries()
            .get(0);

    assertThat(entry.status()).isEqualTo(ParameterImportance.Status.ONE_TRIAL_PER_GROUP);
    assertThat(entry.share()).isZero();
  }

  @Test
  void aConstantObjectiveGivesEveryParameterZero() {
    List<ReportTrial> trials = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      trials.add(trial(i, 0.5, Map.of("x", String.valueOf(i))));
    }

    ParameterImportance.Result result =
        ParameterImportance.compute(Map.of("x", ParameterKind.FLOAT), trials);

    assertThat(result.entries()).singleElement().satisfies(e -> assertThat(e.share()).isZero());
  }
}
