#!/usr/bin/env bash
# bench/chaos: Paddock's operator under disruption, on a real control plane (kube-apiserver +
# etcd, kube-scheduler, kube-controller-manager, kwok GPU nodes) with a real MinIO, in one command.
# One study per scenario, each checked against an uninterrupted run of the same study; a table at
# the end (README.md has the figures and what each check means). Several minutes.
#
#   bench/chaos/run.sh
#   bench/chaos/run.sh --scenarios kill,apiserver --trials 8      # a subset, smaller
#
# Options (defaults): --trials 16 --parallelism 4 --pod-millis 3000 (how long kwok runs a trial
#   pod) --minio-down-seconds 60 --cpu-percent 10 (the operator's CPU quota, % of one core)
#   --timeout-minutes 6 (per study) --scenarios kill,apiserver,node,minio,leader,cpu
# Needs `scripts/test-env.sh install` (kube-apiserver, etcd, scheduler, controller manager, kwok,
# MinIO), and root for the CPU scenario (a cgroup v1 CPU quota). Exits non-zero if a check fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
# The jars operator/bin/paddock runs (the operator is a process of its own, SIGKILLed for real),
# and the suite's own class path.
./mvnw -q -B -o -pl operator -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/chaos.classpath -Dmdep.includeScope=test >&2
cp="$root/operator/target/test-classes:$root/operator/target/classes:$(cat operator/target/chaos.classpath)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exec java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" \
  dev.paddock.operator.bench.chaos.ChaosSuite "$@"
