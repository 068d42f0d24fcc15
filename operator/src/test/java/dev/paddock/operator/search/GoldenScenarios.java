package dev.paddock.operator.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fixed set of sampler scenarios whose suggestions are pinned in {@code
 * search/golden-suggestions.txt}: several spaces (log float, stepped float, stepped and log int,
 * categorical), grid / random / TPE (multivariate, univariate, without constant liar), histories of
 * 0, 15 and 200 trials in every state (some with non-canonical spellings or outside the space),
 * imported history, and batches of 1 and 8.
 *
 * <p>Regenerate (only when a change of suggestions is intended) with {@code java -cp
 * operator/target/classes:operator/target/test-classes dev.paddock.operator.search.GoldenScenarios
 * operator/src/test/resources/search/golden-suggestions.txt}.
 */
final class GoldenScenarios {
  static final String RESOURCE = "/search/golden-suggestions.txt";

  private GoldenScenarios() {}

  public static void main(String[] args) throws IOException {
    Files.writeString(Path.of(args[0]), render(), StandardCharsets.UTF_8);
  }

  static Map<String, SearchSpace> spaces() {
    Map<String, SearchSpace> spaces = new LinkedHashMap<>();
    spaces.put("mlp", Fixtures.mlpSpace());
    spaces.put("square", Fixtures.square());
    spaces.put(
        "mixed",
        SearchSpace.of(
            FloatParameter.logScale("lr", 1e-5, 1e-1),
            IntParameter.range("layers", 1, 8),
            IntParameter.stepped("batch_size", 32, 1024, 32),
            CategoricalParameter.of("activation", "relu", "tanh", "gelu", "sigmoid")));
    spaces.put(
        "steps",
        SearchSpace.of(
            FloatParameter.stepped("dropout", 0, 0.5, 0.05),
            IntParameter.logScale("width", 8, 4096),
            FloatParameter.linear("momentum", 0.8, 0.99),
            CategoricalParameter.of("opt", "adam", "sgd", "adamw")));
    spaces.put(
        "grid",
        SearchSpace.of(
            IntParameter.stepped("batch_size", 32, 256, 32),
            CategoricalParameter.of("hidden", "256,128,64", "512,256,128")));
    return spaces;
  }

  static Map<String, StudySearch> searches(SearchSpace space, boolean finite) {
    Map<String, StudySearch> searches = new LinkedHashMap<>();
    searches.put("random", StudySearch.of(Algorithm.RANDOM, 7, space));
    searches.put("tpe", StudySearch.of(Algorithm.TPE, 7, space));
    searches.put(
        "tpe-univariate",
        StudySearch.of(Algorithm.TPE, 11, space)
            .withTpe(new TpeSettings(10, 24, 0.25, 1.0, true, false)));
    searches.put(
        "tpe-noliar",
        StudySearch.of(Algorithm.TPE, 13, space)
            .withTpe(new TpeSettings(5, 16, 0.3, 0.5, false, true)));
    List<TrialObservation> seeds = history(space, 2, 77);
    Map<String, String> partial = new LinkedHashMap<>(seeds.get(0).parameters());
    partial.remove(space.parameters().get(0).name());
    searches.put(
        "tpe-warm",
        StudySearch.of(Algorithm.TPE, 17, space)
            .withInitial(List.of(partial, seeds.get(1).parameters())));
    if (finite) {
      searches.put("grid", StudySearch.of(Algorithm.GRID, 7, space));
    }
    return searches;
  }

  static String render() {
    StringBuilder out = new StringBuilder();
    int spaceNo = 0;
    for (Map.Entry<String, SearchSpace> space : spaces().entrySet()) {
      Direction direction = spaceNo++ % 2 == 0 ? Direction.MINIMIZE : Direction.MAXIMIZE;
      Map<String, StudySearch> searches = searches(space.getValue(), space.getValue().isFinite());
      for (Map.Entry<String, StudySearch> search : searches.entrySet()) {
        for (int n : new int[] {0, 15, 200}) {
          List<TrialObservation> trials = history(space.getValue(), n, 100 + n);
          for (int batch : new int[] {1, 8}) {
            String name = space.getKey() + " " + search.getKey() + " n=" + n + " batch=" + batch;
            append(out, name, Sampler.suggest(search.getValue(), direction, trials, batch));
          }
        }
        List<TrialObservation> pruned = prunedHeavy(space.getValue(), 60);
        String prunedName = space.getKey() + " " + search.getKey() + " pruned-heavy=60 batch=8";
        append(out, prunedName, Sampler.suggest(search.getValue(), direction, pruned, 8));
        List<TrialObservation> imported = history(space.getValue(), 30, 999);
        List<TrialObservation> own = history(space.getValue(), 6, 5);
        String name = space.getKey() + " " + search.getKey() + " imported=30 n=6 batch=8";
        append(out, name, Sampler.suggest(search.getValue(), direction, own, imported, 8));
      }
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String name, List<Suggestion> suggestions) {
    out.append("## ").append(name).append('\n');
    for (Suggestion s : suggestions) {
      out.append(s).append('\n');
    }
  }

  /**
   * {@code n} trials with parameters from an independent random study: mostly succeeded, some
   * pruned (with curves), failed and running; a few spelled non-canonically or outside the space;
   * objectives a fixed function of the values, rounded so that ties occur.
   */
  static List<TrialObservation> history(SearchSpace space, int n, long seed) {
    StudySearch source = StudySearch.of(Algorithm.RANDOM, seed, space);
    List<TrialObservation> trials = new ArrayList<>();
    for (Suggestion s : Sampler.suggest(source, Direction.MINIMIZE, List.of(), n)) {
      long i = s.index();
      Map<String, String> params = respell(space, s.parameters(), i);
      TrialState state =
          switch ((int) (i % 7)) {
            case 3 -> TrialState.PRUNED;
            case 5 -> i % 2 == 0 ? TrialState.FAILED : TrialState.RUNNING;
            default -> TrialState.SUCCEEDED;
          };
      Double objective =
          state == TrialState.FAILED || state == TrialState.RUNNING
              ? null
              : objective(space, s.parameters());
      List<CurvePoint> curve = new ArrayList<>();
      if (state == TrialState.PRUNED) {
        for (int e = 1; e <= 1 + i % 5; e++) {
          curve.add(new CurvePoint(e, objective + 0.1 * (5 - e)));
        }
      }
      trials.add(new TrialObservation(i, params, state, objective, curve));
    }
    return trials;
  }

  /**
   * Mostly pruned trials (ties in the last epoch and in the value, some without a value), a few
   * succeeded and running: the good group then takes pruned trials too.
   */
  static List<TrialObservation> prunedHeavy(SearchSpace space, int n) {
    List<TrialObservation> trials = new ArrayList<>();
    for (TrialObservation t : history(space, n, 4242)) {
      long i = t.index();
      TrialState state =
          switch ((int) (i % 5)) {
            case 0 -> TrialState.SUCCEEDED;
            case 4 -> TrialState.RUNNING;
            default -> TrialState.PRUNED;
          };
      boolean complete = t.parameters().size() == space.parameters().size();
      double value = complete ? objective(space, t.parameters()) : 0.01 * (i % 17);
      Double objective =
          state == TrialState.RUNNING || (state == TrialState.PRUNED && i % 9 == 0)
              ? null
              : Math.rint(value * 10) / 10;
      List<CurvePoint> curve = new ArrayList<>();
      for (int e = 1; state == TrialState.PRUNED && e <= 1 + i % 4; e++) {
        curve.add(new CurvePoint(e, objective == null ? 1.0 : objective));
      }
      trials.add(new TrialObservation(i, t.parameters(), state, objective, curve));
    }
    return trials;
  }

  /** Every 11th trial spelled differently (still inside), every 13th outside the space. */
  private static Map<String, String> respell(
      SearchSpace space, Map<String, String> params, long i) {
    Map<String, String> result = new LinkedHashMap<>(params);
    ParameterSpec first = space.parameters().get(0);
    String value = params.get(first.name());
    if (i % 13 == 12) {
      result.remove(first.name());
      if (i % 2 == 0) {
        result.put(first.name(), first instanceof CategoricalParameter ? "nope" : "1e9");
      }
    } else if (i % 11 == 10 && first instanceof NumericParameter) {
      result.put(
          first.name(), " " + String.format(Locale.ROOT, "%.12E", Double.parseDouble(value)));
    }
    return result;
  }

  private static double objective(SearchSpace space, Map<String, String> params) {
    double f = 0;
    int k = 0;
    for (ParameterSpec p : space.parameters()) {
      String v = params.get(p.name());
      double x =
          p instanceof CategoricalParameter c ? c.indexOf(v) : Double.parseDouble(v) / scale(p);
      f += StrictMath.sin(1.7 * ++k + 3 * x);
    }
    return Math.rint(f * 1000) / 1000;
  }

  private static double scale(ParameterSpec p) {
    if (p instanceof IntParameter i) {
      return Math.max(1, i.max());
    }
    FloatParameter f = (FloatParameter) p;
    return f.log() ? f.max() : Math.max(Math.abs(f.min()), Math.abs(f.max()));
  }
}
