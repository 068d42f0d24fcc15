"""Merges Paddock's and Optuna's results and prints median best-found regret tables.

The last columns compare Paddock's TPE with Optuna's TPE at its defaults: the ratio of median
regrets (below 1: Paddock ends closer to the optimum) and a two-sided Mann-Whitney U test over the
seeds (the two run on different random streams, so the samples are independent, not paired).
"""
import json
import math
import statistics
import sys

COLUMNS = ["paddock-grid", "paddock-random", "optuna-random", "paddock-tpe", "optuna-tpe",
           "optuna-tpe-matched", "optuna-tpe-univariate", "optuna-tpe-multivariate"]


def mann_whitney(xs, ys):
    """Two-sided Mann-Whitney U test, normal approximation with tie and continuity corrections.

    Returns (p, a12): the p-value and the common-language effect size A12 = P(x < y) + P(x = y) / 2,
    the chance that a Paddock seed ends closer to the optimum than an Optuna seed (0.5: level).
    """
    n1, n2 = len(xs), len(ys)
    if n1 == 0 or n2 == 0:
        return float("nan"), float("nan")
    pooled = sorted((v, i) for i, v in enumerate(list(xs) + list(ys)))
    ranks = [0.0] * (n1 + n2)
    ties = 0.0
    i = 0
    while i < len(pooled):
        j = i
        while j + 1 < len(pooled) and pooled[j + 1][0] == pooled[i][0]:
            j += 1
        for k in range(i, j + 1):
            ranks[pooled[k][1]] = (i + j) / 2 + 1
        t = j - i + 1
        ties += t ** 3 - t
        i = j + 1
    r1 = sum(ranks[:n1])
    u1 = r1 - n1 * (n1 + 1) / 2
    a12 = 1 - u1 / (n1 * n2)
    n = n1 + n2
    variance = n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1)))
    if variance <= 0:
        return 1.0, a12
    z = (abs(u1 - n1 * n2 / 2) - 0.5) / math.sqrt(variance)
    return math.erfc(max(z, 0) / math.sqrt(2)), a12


def verdict(p, a12):
    if p >= 0.05:
        return "level"
    return "Paddock better" if a12 > 0.5 else "Optuna better"


def main(paddock_path, optuna_path):
    with open(paddock_path) as f:
        data = json.load(f)
    meta = {}
    with open(optuna_path) as f:
        for objective, samplers in json.load(f).items():
            if objective == "_meta":
                meta = samplers
                continue
            data.setdefault(objective, {}).update(samplers)
    if meta:
        print(f"\nOptuna {meta.get('optuna', '?')}; optuna-tpe is TPESampler at its defaults.")
    for objective, samplers in data.items():
        columns = [c for c in COLUMNS if c in samplers]
        budgets = list(next(iter(samplers.values())).keys())
        seeds = max(len(v) for s in samplers.values() for v in s.values())
        print(f"\n### {objective}: median best-found regret over {seeds} seeds (lower is better)\n")
        extra = ["Paddock-TPE / Optuna-TPE", "Mann-Whitney p (A12)"]
        if "optuna-tpe-matched" in samplers:
            extra.append("Paddock-TPE / Optuna-TPE-matched")
        print("| trials | " + " | ".join(columns + extra) + " |")
        print("|---|" + "---|" * (len(columns) + len(extra)))
        for b in budgets:
            medians = {c: statistics.median(samplers[c][b]) for c in columns}
            cells = [f"{medians[c]:.4g}" for c in columns]
            if "paddock-tpe" in samplers and "optuna-tpe" in samplers:
                ratio = medians["paddock-tpe"] / medians["optuna-tpe"] if medians["optuna-tpe"] \
                    else float("nan")
                p, a12 = mann_whitney(samplers["paddock-tpe"][b], samplers["optuna-tpe"][b])
                cells += [f"{ratio:.2f}", f"{p:.2g} ({a12:.2f}, {verdict(p, a12)})"]
                if "optuna-tpe-matched" in samplers:
                    m = medians["optuna-tpe-matched"]
                    cells.append(f"{medians['paddock-tpe'] / m:.2f}" if m else "nan")
            print(f"| {b} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
