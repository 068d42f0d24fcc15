"""Merges Paddock's and Optuna's results and prints median best-found regret tables."""
import json
import statistics
import sys

COLUMNS = ["paddock-grid", "paddock-random", "optuna-random", "paddock-tpe", "optuna-tpe",
           "optuna-tpe-multivariate"]


def main(paddock_path, optuna_path):
    with open(paddock_path) as f:
        data = json.load(f)
    with open(optuna_path) as f:
        for objective, samplers in json.load(f).items():
            data.setdefault(objective, {}).update(samplers)
    for objective, samplers in data.items():
        columns = [c for c in COLUMNS if c in samplers]
        budgets = list(next(iter(samplers.values())).keys())
        seeds = max(len(v) for s in samplers.values() for v in s.values())
        print(f"\n### {objective}: median best-found regret over {seeds} seeds (lower is better)\n")
        print("| trials | " + " | ".join(columns) + " | Paddock-TPE / Optuna-TPE |")
        print("|---|" + "---|" * (len(columns) + 1))
        for b in budgets:
            medians = {c: statistics.median(samplers[c][b]) for c in columns}
            ratio = medians["paddock-tpe"] / medians["optuna-tpe"] if medians.get("optuna-tpe") else float("nan")
            cells = " | ".join(f"{medians[c]:.4g}" for c in columns)
            print(f"| {b} | {cells} | {ratio:.2f} |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
