#!/usr/bin/env bash
# bench/trainer: training throughput of the DJL trainer's loop against PyTorch itself, on CPU,
# same MLPs, batch sizes, optimizer (Adam), loss (BCE with logits) and thread count; then the
# peak heap while training from a ~600 MB CSV under a heap bound.
#
#   bench/trainer/run.sh                 # everything
#   SKIP_MEMORY=1 bench/trainer/run.sh   # throughput only
#   SKIP_THROUGHPUT=1 bench/trainer/run.sh   # memory only
#
# Knobs: THREADS (1), ROWS (65536), EPOCHS (2 timed, after 1 warm-up), REPEATS (3: best kept,
# runs interleaved so background load hits both sides alike), CSV_ROWS (1700000), HEAP (-Xmx for
# the memory run, 160m), MAX_MEMORY_MB (--max-memory-mb, 64).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cache=${PADDOCK_CACHE:-$HOME/.cache/paddock}
venv=$cache/trainer-bench-venv
THREADS=${THREADS:-1} ROWS=${ROWS:-65536} EPOCHS=${EPOCHS:-2} REPEATS=${REPEATS:-3}
HIDDEN=${HIDDEN:-"256,128,64;1024,512,256"} BATCHES=${BATCHES:-64,256,1024}
CSV_ROWS=${CSV_ROWS:-1700000} HEAP=${HEAP:-160m} MAX_MEMORY_MB=${MAX_MEMORY_MB:-64}

if ! "$venv/bin/python" -c 'import torch' 2>/dev/null; then
  echo "installing torch 2.7.1 (the libtorch DJL's pytorch-native-cpu 2.7.1 wraps) into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q torch==2.7.1
fi
py=$venv/bin/python
if [ ! -f "$root/trainer-image/target/paddock-trainer.jar" ] || [ "${BUILD:-0}" = 1 ]; then
  (cd "$root" && ./mvnw -q -B -pl trainer-image package -DskipTests)
fi
cp="$root/trainer-image/target/paddock-trainer.jar:$root/trainer-image/target/lib/*"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if [ "${SKIP_THROUGHPUT:-0}" != 1 ]; then
echo "threads=$THREADS rows=$ROWS epochs=$EPOCHS repeats=$REPEATS torch=$("$py" -c 'import torch;print(torch.__version__)') cpu=$(nproc) cores" >&2
for r in $(seq "$REPEATS"); do
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" dev.paddock.trainer.train.ThroughputBench \
    "$THREADS" "$ROWS" "$EPOCHS" "$HIDDEN" "$BATCHES" | tee -a "$out/results" >&2
  "$py" "$root/bench/trainer/torch_bench.py" "$THREADS" "$ROWS" "$EPOCHS" "$HIDDEN" "$BATCHES" | tee -a "$out/results" >&2
done
"$py" - "$out/results" <<'PY'
import sys, collections
best = collections.defaultdict(lambda: [0.0, 0.0])
for line in open(sys.argv[1]):
    fw, hidden, batch, wall, cpu = line.split()
    b = best[(fw, hidden, int(batch))]
    b[0], b[1] = max(b[0], float(wall)), max(b[1], float(cpu))
print("best of the repeats; samples/s per wall-clock second, and per CPU second of the whole")
print("process (the steadier figure on a shared machine)")
print(f"{'mlp':<16}{'batch':>6}{'djl /s':>11}{'torch /s':>11}{'ratio':>7}{'djl /cpu-s':>12}{'torch /cpu-s':>13}{'ratio':>7}")
for (fw, hidden, batch) in sorted(k for k in best if k[0] == "djl"):
    d, t = best[("djl", hidden, batch)], best[("torch", hidden, batch)]
    print(f"[{hidden}]".ljust(16) + f"{batch:>6}{d[0]:>11,.0f}{t[0]:>11,.0f}{d[0] / t[0]:>7.2f}"
          f"{d[1]:>12,.0f}{t[1]:>13,.0f}{d[1] / t[1]:>7.2f}")
PY
fi

if [ "${SKIP_MEMORY:-0}" = 1 ]; then exit 0; fi
csv=$cache/trainer-bench-races-$CSV_ROWS.csv
if [ ! -f "$csv" ]; then
  echo "generating $csv" >&2
  "$py" "$root/bench/trainer/make_csv.py" "$CSV_ROWS" "$csv"
fi
size=$(du -m "$csv" | cut -f1)
art=$out/art
JAVA_OPTS="-Xmx$HEAP" "$root/trainer-image/bin/paddock-trainer" train --data "$csv" --label won \
  --categorical track --epochs 1 --hidden 64,32 --batch-size 1024 --threads "$THREADS" \
  --max-memory-mb "$MAX_MEMORY_MB" --work-dir "$out" --checkpoint-every 0 \
  --artifacts "file://$art/" --termination-log "$out/term.json" >"$out/train.log" 2>&1 \
  || { tail -20 "$out/train.log"; exit 1; }
"$py" - "$art/metadata.json" "$size" "$HEAP" "$MAX_MEMORY_MB" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
peak = m["peak_heap_bytes"] / 2**20
print(f"streamed a {sys.argv[2]} MB CSV ({m['rows']['train'] + m['rows']['validation']:,} rows, "
      f"{m['inputs']} inputs): peak heap {peak:.0f} MiB with -Xmx{sys.argv[3]} "
      f"and --max-memory-mb {sys.argv[4]}; val_auc {m['metrics']['val_auc']:.3f}")
PY
