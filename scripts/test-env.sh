#!/usr/bin/env bash
# Builds and caches the real components Paddock's integration tests run against:
# kube-apiserver, kube-scheduler, kube-controller-manager, kubectl (Kubernetes, from the
# k8s.io/kubernetes Go module), etcd 3.5, kwok, MinIO, Helm and Kueue (its controller, and its CRDs
# and webhook manifests from the same module). Only the Go module proxy is used.
#
#   scripts/test-env.sh install   build what is missing (idempotent; a warm run takes seconds)
#   scripts/test-env.sh dir       print the cache directory
#   scripts/test-env.sh env       print the environment variables the tests read
#
# The cache lives outside the repository: $PADDOCK_CACHE, default ~/.cache/paddock.
set -euo pipefail

K8S_VERSION=1.33.13       # staging modules are tagged v0.33.13
ETCD_VERSION=3.5.21       # the etcd release Kubernetes 1.33 is built and tested with
KWOK_VERSION=0.7.0
MINIO_VERSION=v0.0.0-20260212201848-7aac2a2c5b7c   # github.com/minio/minio, RELEASE.2026-02-12
HELM_VERSION=v3.21.4      # helm.sh/helm/v3: lints, renders and installs charts/paddock
COREDNS_VERSION=v1.12.1   # github.com/coredns/coredns: the real node's cluster DNS (Kubernetes 1.33 ships 1.12)
CRICTL_VERSION=v1.34.0    # sigs.k8s.io/cri-tools: the real node's teardown removes every pod sandbox with it
KUEUE_VERSION=v0.17.0     # sigs.k8s.io/kueue: quota and admission of trial Jobs (client-go 0.35; runs on 1.33)

CACHE=${PADDOCK_CACHE:-$HOME/.cache/paddock}
K8S_DIR=$CACHE/k8s/$K8S_VERSION-linux-amd64        # the layout fabric8 kube-api-test reads offline
BIN_DIR=$CACHE/bin
SRC_DIR=$CACHE/src
export GOFLAGS="-mod=mod -buildvcs=false"
export CGO_ENABLED=0

log() { printf '[test-env] %s\n' "$*" >&2; }

have() { # have FILE VERSION: the binary exists and was built from the pinned version
  [[ -x $1 && -f $1.version && $(cat "$1.version") == "$2" ]]
}

mark() { echo "$2" >"$1.version"; }

# k8s.io/kubernetes requires its staging modules at v0.0.0 and replaces them with ./staging,
# a replace that Go ignores outside the main module: a wrapper module maps each to its tag.
k8s_wrapper() {
  local dir=$SRC_DIR/kubernetes-$K8S_VERSION
  mkdir -p "$dir"
  if [[ ! -f $dir/go.mod.done ]]; then
    local minor=${K8S_VERSION#*.}
    local staging_version=v0.$minor
    local mod
    mod=$(go mod download -json "k8s.io/kubernetes@v$K8S_VERSION" | sed -n 's/.*"GoMod": "\(.*\)",/\1/p')
    {
      echo "module paddock.dev/test-env/kubernetes"
      echo
      grep -m1 '^go ' "$mod"
      echo
      echo "require k8s.io/kubernetes v$K8S_VERSION"
      echo
      echo "replace ("
      sed -n 's#^\t\(k8s.io/[a-z0-9-]*\) => ./staging/.*#\t\1 => \1 '"$staging_version"'#p' "$mod"
      echo ")"
    } >"$dir/go.mod"
    touch "$dir/go.mod.done"
  fi
  echo "$dir"
}

build_k8s() {
  local wanted=(kube-apiserver kube-scheduler kube-controller-manager kubectl kubelet kube-proxy)
  local missing=()
  for c in "${wanted[@]}"; do have "$K8S_DIR/$c" "$K8S_VERSION" || missing+=("$c"); done
  ((${#missing[@]})) || return 0
  local dir; dir=$(k8s_wrapper)
  local v=k8s.io/component-base/version
  local ldflags="-s -w -X $v.gitVersion=v$K8S_VERSION -X $v.gitMajor=${K8S_VERSION%%.*}"
  ldflags+=" -X $v.gitMinor=$(cut -d. -f2 <<<"$K8S_VERSION") -X $v.gitTreeState=clean"
  ldflags+=" -X $v.buildDate=1970-01-01T00:00:00Z"
  mkdir -p "$K8S_DIR"
  for c in "${missing[@]}"; do
    log "building $c v$K8S_VERSION"
    local pkg=k8s.io/kubernetes/cmd/$c
    (cd "$dir" && go get "$pkg@v$K8S_VERSION" >/dev/null 2>&1 || true)
    (cd "$dir" && go build -trimpath -ldflags "$ldflags" -o "$K8S_DIR/$c" "$pkg")
    mark "$K8S_DIR/$c" "$K8S_VERSION"
  done
}

build_etcd() {
  have "$K8S_DIR/etcd" "$ETCD_VERSION" && return 0
  log "building etcd v$ETCD_VERSION"
  local dir=$SRC_DIR/etcd-$ETCD_VERSION
  mkdir -p "$dir" "$K8S_DIR"
  if [[ ! -f $dir/go.mod ]]; then
    (cd "$dir" && go mod init paddock.dev/test-env/etcd >/dev/null 2>&1 &&
      go get "go.etcd.io/etcd/server/v3@v$ETCD_VERSION" >/dev/null)
  fi
  (cd "$dir" && go build -trimpath -ldflags "-s -w" -o "$K8S_DIR/etcd" go.etcd.io/etcd/server/v3)
  mark "$K8S_DIR/etcd" "$ETCD_VERSION"
}

go_install() { # go_install NAME PACKAGE VERSION [EXTRA_LDFLAGS]
  have "$BIN_DIR/$1" "$3" && return 0
  log "building $1 $3"
  mkdir -p "$BIN_DIR"
  GOBIN=$BIN_DIR go install -trimpath -ldflags "-s -w ${4:-}" "$2@$3"
  mark "$BIN_DIR/$1" "$3"
}

# Stamped as helm's Makefile does: its version, and the Kubernetes version `helm template` and
# `helm lint` assume without a cluster (k8s.io/client-go v0.X.Y -> 1.X; unstamped it is 1.20).
build_helm() {
  have "$BIN_DIR/helm" "$HELM_VERSION" && return 0
  local mod client_go
  mod=$(go mod download -json "helm.sh/helm/v3@$HELM_VERSION" | sed -n 's/.*"GoMod": "\(.*\)",/\1/p')
  client_go=$(sed -n 's#^\tk8s.io/client-go v0\.\([0-9]*\)\..*#\1#p' "$mod")
  local flags="-X helm.sh/helm/v3/internal/version.version=$HELM_VERSION"
  for pkg in pkg/lint/rules pkg/chartutil; do
    flags+=" -X helm.sh/helm/v3/$pkg.k8sVersionMajor=1 -X helm.sh/helm/v3/$pkg.k8sVersionMinor=$client_go"
  done
  go_install helm helm.sh/helm/v3/cmd/helm "$HELM_VERSION" "$flags"
}

# Kueue's controller, and beside it what the tests apply from the same module: its CRDs
# (config/components/crd/bases) and its webhook configurations (config/components/webhook).
build_kueue() {
  local dir=$CACHE/kueue/$KUEUE_VERSION
  if [[ ! -f $dir/manifests.done ]]; then
    local mod
    mod=$(go mod download -json "sigs.k8s.io/kueue@$KUEUE_VERSION" | sed -n 's/.*"Dir": "\(.*\)",/\1/p')
    rm -rf "$dir/crds" && mkdir -p "$dir/crds"
    cp "$mod"/config/components/crd/bases/*.yaml "$dir/crds/"
    cp "$mod/config/components/webhook/manifests.yaml" "$dir/webhooks.yaml"
    chmod -R u+w "$dir"
    touch "$dir/manifests.done"
  fi
  go_install kueue sigs.k8s.io/kueue/cmd/kueue "$KUEUE_VERSION" \
    "-X sigs.k8s.io/kueue/pkg/version.GitVersion=$KUEUE_VERSION"
}

install() {
  command -v go >/dev/null || { log "Go is required (https://go.dev): not found on PATH"; exit 1; }
  local start=$SECONDS
  build_etcd
  build_k8s
  go_install kwok sigs.k8s.io/kwok/cmd/kwok "v$KWOK_VERSION"
  go_install minio github.com/minio/minio "$MINIO_VERSION"
  build_helm
  go_install coredns github.com/coredns/coredns "$COREDNS_VERSION"
  go_install crictl sigs.k8s.io/cri-tools/cmd/crictl "$CRICTL_VERSION"
  build_kueue
  log "components ready in $CACHE ($((SECONDS - start))s)"
}

print_env() {
  echo "PADDOCK_CACHE=$CACHE"
  echo "PADDOCK_K8S_VERSION=$K8S_VERSION"
  echo "PADDOCK_K8S_BIN=$K8S_DIR"
  echo "PADDOCK_BIN=$BIN_DIR"
  echo "PADDOCK_KUEUE=$CACHE/kueue/$KUEUE_VERSION"
}

case ${1:-install} in
  install) install ;;
  dir) echo "$CACHE" ;;
  env) print_env ;;
  *) echo "usage: $0 install|dir|env" >&2; exit 2 ;;
esac
