#!/usr/bin/env bash
# bench/scale: Paddock's operator at scale on a real control plane (kube-apiserver + etcd,
# kube-scheduler, kube-controller-manager, kwok GPU nodes, MinIO: the chaos suite's world), in one
# command: 100 studies side by side, one study of 10,000 trials at 1,000 in flight, a 10-trial
# study applied while it runs (fairness), and 1,000 simulated trainers reporting an epoch a second
# each to the report endpoint. Prints a table (README.md has the figures).
#
#   bench/scale/run.sh                                      # full size (long on 2 cores)
#   bench/scale/run.sh --trials 500 --parallelism 100 --studies 10 --trainers 100 \
#     --report-seconds 20 --nodes 2                         # quick
#
# Options (defaults): --nodes 11 --gpus-per-node 100 (kwok nodes hold 110 pods each)
#   --trials 10000 --parallelism 1000 --epochs 30 (the studies' trial.epochs)
#   --pod-millis 30000 (kwok runs each trial pod that long to 1.2x) --big-minutes 0 (cut the large
#   study after this many minutes from its apply and extrapolate; 0: run it to the end)
#   --small-trials 10 (the fairness study; 0 skips it) --studies 100 --study-trials 20
#   --study-parallelism 5 --trainers 1000 --report-seconds 60 (0 skips the report load)
#   --heap 512m (the operator's -Xmx) --timeout-minutes 60 --phases many,big
# Needs `scripts/test-env.sh install`. Exits non-zero when a check fails (a Trial missing,
# the operator's heap at 512 MiB, the small study not running within 5 minutes).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
# The jars operator/bin/paddock runs, and the driver's own class path.
./mvnw -q -B -o -pl operator -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/scale.classpath -Dmdep.includeScope=test >&2
cp="$root/operator/target/test-classes:$root/operator/target/classes:$(cat operator/target/scale.classpath)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exec java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" \
  dev.paddock.operator.bench.scale.ScaleBench "$@"
