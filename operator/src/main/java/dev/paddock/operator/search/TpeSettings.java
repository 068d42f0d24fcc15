package dev.paddock.operator.search;

/**
 * {@code spec.search.tpe}: the Tree-structured Parzen Estimator's knobs, named as in Optuna.
 *
 * @param startupTrials trials drawn at random before TPE takes over (finished trials counted)
 * @param candidates how many candidates are drawn from l(x) to maximize l(x)/g(x)
 * @param gamma fraction of the finished trials that form the "good" group, ceil(gamma * n), at most
 *     25 (Optuna's rule with a configurable fraction)
 * @param priorWeight weight of the flat prior component in each Parzen estimator
 * @param constantLiar count running trials as the worst results, so parallel suggestions spread
 * @param multivariate model parameters jointly (Optuna's {@code multivariate=True}); independent
 *     per-parameter estimators when false
 */
public record TpeSettings(
    int startupTrials,
    int candidates,
    double gamma,
    double priorWeight,
    boolean constantLiar,
    boolean multivariate) {

  public static final TpeSettings DEFAULTS = new TpeSettings(10, 24, 0.25, 1.0, true, true);

  public TpeSettings {
    if (startupTrials < 1) {
      throw new IllegalArgumentException("tpe.startupTrials must be >= 1, got " + startupTrials);
    }
    if (candidates < 1) {
      throw new IllegalArgumentException("tpe.candidates must be >= 1, got " + candidates);
    }
    if (!(gamma > 0 && gamma <= 1)) {
      throw new IllegalArgumentException("tpe.gamma must be in (0, 1], got " + gamma);
    }
    if (!(priorWeight > 0) || !Double.isFinite(priorWeight)) {
      throw new IllegalArgumentException("tpe.priorWeight must be > 0, got " + priorWeight);
    }
  }
}
