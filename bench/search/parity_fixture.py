"""Prints the expected values of TpeParityTest: Optuna's TPE model on a fixed history.

For a fixed study of 30 finished and 2 running trials over a float, a log float, an int and a
categorical, this builds Optuna's good/bad split and its two Parzen estimators exactly as
TPESampler._sample does at its defaults, and prints log l(x) - log g(x) at a few fixed points.
Paddock's TPE must compute the same (TpeParityTest).

One liberty: Optuna orders tied observations (an int parameter has many) with numpy's default,
unstable argsort, so which of two equal observations gets which neighbour-gap width (and hence which
age weight goes with it) depends on numpy's sort implementation. Paddock breaks ties by age; this
script makes numpy's argsort stable in Optuna's Parzen estimator so that both use that order.

Run with the bench venv:
  ~/.cache/paddock/bench-venv-optuna-<version>/bin/python bench/search/parity_fixture.py
"""
import math

import numpy as np
import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.samplers._tpe.sampler import _split_trials, default_gamma
from optuna.trial import TrialState, create_trial
import optuna.samplers._tpe.parzen_estimator as parzen_estimator


class _StableArgsortNumpy:
    """numpy, except that argsort is stable (ties in age order, as Paddock breaks them)."""

    def __getattr__(self, name):
        return getattr(np, name)

    @staticmethod
    def argsort(a, *args, **kwargs):
        return np.argsort(a, kind="stable")


parzen_estimator.np = _StableArgsortNumpy()

SPACE = {
    "x": FloatDistribution(-5.0, 10.0),
    "lr": FloatDistribution(1e-5, 1e-1, log=True),
    "layers": IntDistribution(1, 8),
    "act": CategoricalDistribution(["relu", "tanh", "gelu", "sigmoid"]),
}
ACTS = ["relu", "tanh", "gelu", "sigmoid"]


def history():
    rng = np.random.RandomState(7)
    rows = []
    for i in range(32):
        x = round(float(rng.uniform(-5, 10)), 3)
        lr = float(f"{10 ** rng.uniform(-5, -1):.3g}")
        layers = int(rng.randint(1, 9))
        act = ACTS[rng.randint(4)]
        value = round((x - 2) ** 2 + (math.log10(lr) + 3) ** 2 + 0.3 * abs(layers - 4)
                      + (0.5 if act != "gelu" else 0.0), 6)
        rows.append(({"x": x, "lr": lr, "layers": layers, "act": act}, value))
    return rows


POINTS = [
    {"x": 2.0, "lr": 1e-3, "layers": 4, "act": "gelu"},
    {"x": -4.5, "lr": 0.05, "layers": 8, "act": "relu"},
    {"x": 7.25, "lr": 2e-5, "layers": 1, "act": "tanh"},
    {"x": 1.5, "lr": 3e-4, "layers": 5, "act": "sigmoid"},
]


def main():
    rows = history()
    study = optuna.create_study(direction="minimize")
    for i, (params, value) in enumerate(rows):
        running = i >= 30
        study.add_trial(create_trial(
            state=TrialState.RUNNING if running else TrialState.COMPLETE,
            value=None if running else value, params=params, distributions=SPACE))
    trials = study.get_trials(deepcopy=False)
    n = sum(t.state != TrialState.RUNNING for t in trials)
    below, above = _split_trials(study, trials, default_gamma(n))
    sampler = optuna.samplers.TPESampler()
    mpe_below = sampler._build_parzen_estimator(study, SPACE, below, handle_below=True)
    mpe_above = sampler._build_parzen_estimator(study, SPACE, above, handle_below=False)
    samples = {k: np.asarray([SPACE[k].to_internal_repr(p[k]) for p in POINTS]) for k in SPACE}
    acq = mpe_below.log_pdf(samples) - mpe_above.log_pdf(samples)
    print("optuna", optuna.__version__)
    print("below", [t.number for t in below])
    for params, value in rows:
        print(f'    row("{params["x"]}", "{params["lr"]}", "{params["layers"]}", '
              f'"{params["act"]}", {value}),')
    print("acquisition", ", ".join(repr(float(a)) for a in acq))


if __name__ == "__main__":
    main()
