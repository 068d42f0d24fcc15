#!/usr/bin/env bash
# Search benchmark: Paddock's samplers vs Optuna on Branin, Hartmann-6 and a mixed space;
# early stopping on synthetic learning curves; TPE suggestion latency.
#
#   bench/search/run.sh [--seeds N] [--budgets 25,50,100] [--gamma G]
#
# Installs Optuna (pinned: the newest release pip installed here) into a venv cached outside the
# repository, one per version, idempotently. Optuna's TPE runs at its defaults; --gamma G also sets
# Paddock's tpe.gamma to G and adds an Optuna column with the same gamma (min(ceil(G n), 25)).
set -euo pipefail

SEEDS=20
BUDGETS=25,50,100
GAMMA=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seeds) SEEDS="$2"; shift 2 ;;
    --budgets) BUDGETS="$2"; shift 2 ;;
    --gamma) GAMMA=(--gamma "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/bench/search"
OPTUNA_VERSION=5.1.0
VENV="${PADDOCK_CACHE:-$HOME/.cache/paddock}/bench-venv-optuna-$OPTUNA_VERSION"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

if ! "$VENV/bin/python" -c "import optuna, sys; sys.exit(optuna.__version__ != '$OPTUNA_VERSION')" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "optuna==$OPTUNA_VERSION"
fi

(cd "$ROOT" && ./mvnw -q -B -o -pl operator test-compile)
CP="$ROOT/operator/target/classes:$ROOT/operator/target/test-classes"

echo "## Search benchmark: $SEEDS seeds, budgets $BUDGETS (Optuna $OPTUNA_VERSION)"
java -cp "$CP" dev.paddock.operator.bench.SearchBench --seeds "$SEEDS" --budgets "$BUDGETS" "${GAMMA[@]}" \
  --out "$OUT/paddock.json" 2>/dev/null
"$VENV/bin/python" -W ignore "$HERE/optuna_bench.py" --seeds "$SEEDS" --budgets "$BUDGETS" "${GAMMA[@]}" \
  --out "$OUT/optuna.json" 2>/dev/null
"$VENV/bin/python" "$HERE/report.py" "$OUT/paddock.json" "$OUT/optuna.json"

java -cp "$CP" dev.paddock.operator.bench.PruningBench --seeds "$SEEDS"
java -cp "$CP" dev.paddock.operator.bench.LatencyBench
