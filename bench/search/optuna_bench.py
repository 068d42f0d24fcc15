"""Optuna's samplers on the same objectives as Paddock's SearchBench (all minimized).

Writes JSON {objective: {sampler: {budget: [regret per seed]}}}. Each seed is one sequential study
of max(budgets) trials; the regret after a budget is the best found in that prefix.
"""
import argparse
import json
import math
import sys

import optuna

ACTIVATIONS = ["relu", "tanh", "gelu", "sigmoid"]
ACTIVATION_PENALTY = {"relu": 0.2, "tanh": 0.5, "gelu": 0.0, "sigmoid": 1.0}
HARTMANN_ALPHA = [1.0, 1.2, 3.0, 3.2]
HARTMANN_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
              [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
HARTMANN_P = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886],
              [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
              [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650],
              [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]


def branin(trial):
    x1 = trial.suggest_float("x1", -5, 10)
    x2 = trial.suggest_float("x2", 0, 15)
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def hartmann6(trial):
    x = [trial.suggest_float(f"x{i}", 0, 1) for i in range(6)]
    total = 0.0
    for i in range(4):
        inner = sum(HARTMANN_A[i][j] * (x[j] - HARTMANN_P[i][j]) ** 2 for j in range(6))
        total += HARTMANN_ALPHA[i] * math.exp(-inner)
    return -total


def mixed(trial):
    lr = math.log10(trial.suggest_float("lr", 1e-5, 1e-1, log=True)) + 3
    layers = trial.suggest_int("layers", 1, 8) - 4
    batch = math.log2(trial.suggest_int("batch_size", 32, 1024, step=32)) - 7
    act = ACTIVATION_PENALTY[trial.suggest_categorical("activation", ACTIVATIONS)]
    return lr * lr + 0.1 * layers * layers + 0.05 * batch * batch + act


OBJECTIVES = {
    "branin": (branin, 0.397887357729738),
    "hartmann6": (hartmann6, -3.32236801141551),
    "mixed": (mixed, 0.0),
}

# "optuna-tpe" is TPESampler at the installed version's defaults (since 5.0: multivariate for a
# single objective, constant liar, gamma(n) = min(ceil(0.1 n), 25), 10 start-up trials, 24 EI
# candidates, prior weight 1, magic clip, no endpoints). "optuna-tpe-matched" (only with --gamma)
# sets the one knob where Paddock's settings may differ: gamma(n) = min(ceil(G n), 25).
SAMPLERS = {
    "optuna-tpe": lambda seed, gamma: optuna.samplers.TPESampler(seed=seed),
    "optuna-tpe-matched": lambda seed, gamma: optuna.samplers.TPESampler(
        seed=seed, gamma=lambda n: min(math.ceil(gamma * n), 25)),
    "optuna-tpe-univariate": lambda seed, gamma: optuna.samplers.TPESampler(
        seed=seed, multivariate=False),
    "optuna-random": lambda seed, gamma: optuna.samplers.RandomSampler(seed=seed),
}
DEFAULT_SAMPLERS = "optuna-tpe,optuna-random"


def regrets(objective, optimum, sampler, budgets):
    study = optuna.create_study(direction="minimize", sampler=sampler)
    study.optimize(objective, n_trials=max(budgets))
    values = [t.value for t in study.trials]
    return [min(values[:b]) - optimum for b in budgets]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--objectives", default=",".join(OBJECTIVES))
    parser.add_argument("--budgets", default="25,50,100")
    parser.add_argument("--samplers", default=DEFAULT_SAMPLERS)
    parser.add_argument("--gamma", type=float, default=None,
                        help="also run optuna-tpe-matched with gamma(n) = min(ceil(G n), 25)")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    budgets = [int(b) for b in args.budgets.split(",")]
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    samplers = args.samplers.split(",")
    if args.gamma is not None and "optuna-tpe-matched" not in samplers:
        samplers.append("optuna-tpe-matched")
    result = {"_meta": {"optuna": optuna.__version__}}
    for name in args.objectives.split(","):
        objective, optimum = OBJECTIVES[name]
        result[name] = {}
        for sampler_name in samplers:
            per_seed = [regrets(objective, optimum, SAMPLERS[sampler_name](seed, args.gamma), budgets)
                        for seed in range(args.first_seed, args.first_seed + args.seeds)]
            result[name][sampler_name] = {str(b): [r[i] for r in per_seed] for i, b in enumerate(budgets)}
            print(f"{name} {sampler_name} done", file=sys.stderr)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
