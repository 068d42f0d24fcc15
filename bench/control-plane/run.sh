#!/usr/bin/env bash
# bench/control-plane: Paddock's trial throughput, API writes and heap on a real control plane
# (kube-apiserver + etcd with an audit log, kube-scheduler, kube-controller-manager, kwok GPU
# nodes), against the ceiling of plain Jobs created directly on the same cluster, in one command.
#
#   bench/control-plane/run.sh                       # full size: 100 nodes x 8 GPUs, 2,000 trials
#   bench/control-plane/run.sh --nodes 10 --trials 200 --parallelism 50 --studies 4   # quick
#
# Options (defaults): --nodes 100 --gpus-per-node 8 --trials 2000 --parallelism 500
#   --studies 10 (the third run splits trials and parallelism across that many studies; 0 skips it)
#   --pod-millis 5000 (how long kwok runs each pod) --controller-qps 200 --job-syncs 50
#   --reconcile-threads 10 --client-concurrency 64 --operator-jvm (the chart pod's JVM settings)
#   --timeout-minutes 30 --keep true (keep the audit log and the components' logs)
#   --bound false (skip the bound) --split-cores true (the control plane on half the cores, the
#   operator and the benchmark's client on the other half, as in a cluster)
# Needs `scripts/test-env.sh install` (kube-apiserver, etcd, scheduler, controller manager, kwok).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
./mvnw -q -B -o -pl operator -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
cp="$root/operator/target/test-classes:$root/operator/target/classes:$(cat operator/target/bench.classpath)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exec java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" \
  dev.paddock.operator.bench.ControlPlaneBench "$@"
