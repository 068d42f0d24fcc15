package dev.paddock.operator.search;

/**
 * {@code spec.search.tpe}: the Tree-structured Parzen Estimator's knobs, named as in Optuna's
 * {@code TPESampler} and meaning what they mean there; the defaults are Optuna 5.1's.
 *
 * @param startupTrials Optuna's {@code n_startup_trials}: TPE takes over once this many trials have
 *     finished; until then trials are drawn at random (Paddock spreads the first ones as a Latin
 *     hypercube)
 * @param candidates Optuna's {@code n_ei_candidates}: how many candidates are drawn from l(x) to
 *     maximize l(x)/g(x)
 * @param gamma the fraction in Optuna's default {@code gamma} rule: of the n finished trials
 *     (running ones not counted), the best min(ceil(gamma * n), 25) form the "good" group (Optuna:
 *     0.1)
 * @param priorWeight Optuna's {@code prior_weight}: weight of the flat prior component in each
 *     Parzen estimator
 * @param constantLiar Optuna's {@code constant_liar}: count running trials in the "bad" group, so
 *     parallel suggestions spread
 * @param multivariate Optuna's {@code multivariate}: model parameters jointly; independent
 *     per-parameter estimators when false
 */
public record TpeSettings(
    int startupTrials,
    int candidates,
    double gamma,
    double priorWeight,
    boolean constantLiar,
    boolean multivariate) {

  public static final TpeSettings DEFAULTS = new TpeSettings(10, 24, 0.1, 1.0, true, true);

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
