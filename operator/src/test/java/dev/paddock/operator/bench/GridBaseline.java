package dev.paddock.operator.bench;

import dev.paddock.operator.search.Algorithm;
import dev.paddock.operator.search.CategoricalParameter;
import dev.paddock.operator.search.Direction;
import dev.paddock.operator.search.NumericParameter;
import dev.paddock.operator.search.ParameterSpec;
import dev.paddock.operator.search.Sampler;
import dev.paddock.operator.search.SearchSpace;
import dev.paddock.operator.search.StudySearch;
import dev.paddock.operator.search.Suggestion;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Grid search for a budget: k evenly spaced cell centres per parameter (on the model axis, so log
 * parameters are spaced in log), with k the largest such that k^d fits the budget; run through
 * Paddock's own grid sampler. Deterministic: no seed.
 */
final class GridBaseline {
  private GridBaseline() {}

  static double bestRegret(BenchObjectives objective, int budget) {
    int d = objective.space().parameters().size();
    int k = Math.max(1, (int) Math.floor(Math.pow(budget, 1.0 / d) + 1e-9));
    List<ParameterSpec> gridded = new ArrayList<>();
    for (ParameterSpec p : objective.space().parameters()) {
      gridded.add(new CategoricalParameter(p.name(), List.copyOf(cellCentres(p, k))));
    }
    StudySearch grid = StudySearch.of(Algorithm.GRID, 0, new SearchSpace(gridded));
    double best = Double.POSITIVE_INFINITY;
    for (Suggestion s : Sampler.suggest(grid, Direction.MINIMIZE, List.of(), budget)) {
      best = Math.min(best, objective.f().applyAsDouble(s.parameters()));
    }
    return best - objective.optimum();
  }

  private static Set<String> cellCentres(ParameterSpec p, int k) {
    Set<String> values = new LinkedHashSet<>();
    if (p instanceof CategoricalParameter c) {
      for (int i = 0; i < k && i < c.choices().size(); i++) {
        values.add(c.choices().get((int) ((long) i * c.choices().size() / k)));
      }
      return values;
    }
    NumericParameter n = (NumericParameter) p;
    double width = (n.modelHigh() - n.modelLow()) / k;
    for (int i = 0; i < k; i++) {
      values.add(n.fromModel(n.modelLow() + (i + 0.5) * width));
    }
    return values;
  }
}
