#!/usr/bin/env bash
# A real Kubernetes cluster on one machine, with no Docker and no registry: the control plane
# (etcd, kube-apiserver, kube-controller-manager, kube-scheduler) and one real node (containerd +
# runc, the bridge/host-local/portmap CNI plugins, kubelet, kube-proxy in iptables mode, CoreDNS),
# with Paddock's images loaded into containerd. Run as root.
#
#   scripts/dev-cluster.sh up [--with-paddock]   start it (idempotent); prints the kubeconfig's
#                                  path. --with-paddock also starts MinIO on the node's address
#                                  (bucket `paddock`, Secret `paddock-store` in `default` and
#                                  `paddock-system`) and installs charts/paddock with the images
#                                  built here: `kubectl apply` of a study is all that is left.
#   scripts/dev-cluster.sh load [ARCHIVE...]  import OCI archives (default: Paddock's images)
#   scripts/dev-cluster.sh down    stop everything, remove every pod and the node's network state
#   scripts/dev-cluster.sh env     KUBECONFIG, PATH (kubectl, helm) and the addresses, for `eval`
#   scripts/dev-cluster.sh status  exit 0 when it is up
#
# Everything stays on the machine. The node's address is the bridge's own, 10.244.0.1 (pods are
# 10.244.0.0/24 on it, Services 10.96.0.0/16): the API server, the kubelet and NodePorts listen
# there and on loopback only. Pods get no default route and no masquerading, forwarding out of
# the bridge is dropped, and CoreDNS answers only cluster names (no `forward`), so a lookup or a
# connection to anything outside fails inside the machine. The components come from
# scripts/test-env.sh, the images from scripts/images.sh; Debian's containerd, runc, CNI plugins,
# conntrack and iptables are installed with apt-get when missing. State lives in
# $PADDOCK_CLUSTER_DIR (default ~/.cache/paddock/dev-cluster) and /run/paddock.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${PADDOCK_CACHE:-$HOME/.cache/paddock}
D=${PADDOCK_CLUSTER_DIR:-$CACHE/dev-cluster}
RUN=/run/paddock
NODE=${PADDOCK_NODE_NAME:-paddock-node}
BRIDGE=pdk0
NODE_IP=10.244.0.1
POD_CIDR=10.244.0.0/24
SERVICE_CIDR=10.96.0.0/16
API_IP=10.96.0.1
DNS_IP=10.96.0.10
API_PORT=6443
ETCD_PORT=23790
CONTAINERD_SOCK=$RUN/containerd.sock
COMPONENTS=(etcd kube-apiserver kube-controller-manager kube-scheduler containerd kubelet kube-proxy)

log() { printf '[dev-cluster] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

bins() {
  eval "$("$ROOT/scripts/test-env.sh" env)"
  K8S=$PADDOCK_K8S_BIN
  BIN=$PADDOCK_BIN
}

need_packages() {
  local missing=()
  command -v containerd >/dev/null || missing+=(containerd)
  command -v runc >/dev/null || missing+=(runc)
  [[ -x /usr/lib/cni/bridge ]] || missing+=(containernetworking-plugins)
  command -v conntrack >/dev/null || missing+=(conntrack)
  command -v iptables >/dev/null || missing+=(iptables)
  command -v openssl >/dev/null || missing+=(openssl)
  command -v curl >/dev/null || missing+=(curl)
  ((${#missing[@]})) || return 0
  log "installing ${missing[*]} (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null ||
    { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; }
}

# --- certificates: one CA; the API server, an admin, the node and the API server's kubelet client
sign() { # sign NAME SUBJECT [SANS]
  local pki=$D/pki ext
  openssl req -new -newkey rsa:2048 -nodes -keyout "$pki/$1.key" -subj "$2" -out "$pki/$1.csr" 2>/dev/null
  ext="basicConstraints=CA:FALSE
keyUsage=digitalSignature,keyEncipherment
extendedKeyUsage=${3:+serverAuth,}clientAuth${3:+
subjectAltName=$3}"
  openssl x509 -req -in "$pki/$1.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial \
    -days 3650 -out "$pki/$1.crt" -extfile <(echo "$ext") 2>/dev/null
}

pki() {
  local pki=$D/pki
  [[ -f $pki/done ]] && return 0
  mkdir -p "$pki"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$pki/ca.key" -out "$pki/ca.crt" -days 3650 \
    -subj /CN=paddock-dev-cluster-ca 2>/dev/null
  sign apiserver /CN=kube-apiserver \
    "IP:$NODE_IP,IP:$API_IP,IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
  sign admin "/O=system:masters/CN=paddock-admin"
  sign node "/O=system:nodes/CN=system:node:$NODE"
  sign kubelet-client "/O=system:masters/CN=kube-apiserver-kubelet-client"
  openssl genrsa -out "$pki/sa.key" 2048 2>/dev/null
  openssl rsa -in "$pki/sa.key" -pubout -out "$pki/sa.pub" 2>/dev/null
  touch "$pki/done"
}

kubeconfig() { # kubeconfig NAME: a kubeconfig for the certificate NAME
  local pki=$D/pki
  cat >"$D/$1.kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: paddock-dev
  cluster:
    server: https://$NODE_IP:$API_PORT
    certificate-authority-data: $(base64 -w0 "$pki/ca.crt")
users:
- name: $1
  user:
    client-certificate-data: $(base64 -w0 "$pki/$1.crt")
    client-key-data: $(base64 -w0 "$pki/$1.key")
contexts:
- name: paddock-dev
  context: {cluster: paddock-dev, user: $1}
current-context: paddock-dev
EOF
}

# --- processes: each started in the background with a pid file and a log under $D/logs
running() { [[ -f $RUN/$1.pid ]] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

start() { # start NAME COMMAND...
  local name=$1
  shift
  running "$name" && return 0
  mkdir -p "$D/logs" "$RUN"
  setsid "$@" >>"$D/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$RUN/$name.pid"
}

wait_for() { # wait_for WHAT SECONDS COMMAND...
  local what=$1 deadline=$((SECONDS + $2))
  shift 2
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || die "$what did not come up in time; see $D/logs"
    sleep 0.5
  done
}

# Writes stdin to FILE only when it differs: kube-proxy exits when its configuration file changes.
write_if_changed() {
  local tmp
  tmp=$(mktemp "$1.XXXXXX")
  cat >"$tmp"
  if cmp -s "$tmp" "$1"; then rm -f "$tmp"; else mv "$tmp" "$1"; fi
}

kctl() { "$K8S/kubectl" --kubeconfig "$D/admin.kubeconfig" "$@"; }

network() {
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge
    ip addr add "$NODE_IP/24" dev "$BRIDGE"
  fi
  ip link set "$BRIDGE" up
  modprobe br_netfilter 2>/dev/null || true
  [[ -f $RUN/ip_forward ]] || cat /proc/sys/net/ipv4/ip_forward >"$RUN/ip_forward"
  echo 1 >/proc/sys/net/ipv4/ip_forward
  echo 1 >/proc/sys/net/bridge/bridge-nf-call-iptables
  # Routing between pods and Services needs forwarding on; nothing from or to the pod network
  # crosses another interface.
  local rule
  for rule in "-s $POD_CIDR ! -o $BRIDGE" "-d $POD_CIDR ! -i $BRIDGE"; do
    # shellcheck disable=SC2086
    iptables -C FORWARD $rule -m comment --comment paddock-dev-cluster -j DROP 2>/dev/null ||
      iptables -I FORWARD $rule -m comment --comment paddock-dev-cluster -j DROP
  done
  mkdir -p "$D/cni/net.d"
  write_if_changed "$D/cni/net.d/10-paddock.conflist" <<EOF
{
  "cniVersion": "1.0.0",
  "name": "paddock",
  "plugins": [
    {
      "type": "bridge", "bridge": "$BRIDGE", "isGateway": true, "isDefaultGateway": false,
      "ipMasq": false, "hairpinMode": true,
      "ipam": {
        "type": "host-local", "dataDir": "$RUN/cni-ipam",
        "ranges": [[{"subnet": "$POD_CIDR", "gateway": "$NODE_IP"}]],
        "routes": [{"dst": "$SERVICE_CIDR", "gw": "$NODE_IP"}]
      }
    },
    {"type": "portmap", "capabilities": {"portMappings": true}}
  ]
}
EOF
}

control_plane() {
  local pki=$D/pki
  start etcd "$K8S/etcd" --name default --data-dir "$D/etcd" --unsafe-no-fsync \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls http://127.0.0.1:$((ETCD_PORT + 10)) \
    --initial-advertise-peer-urls http://127.0.0.1:$((ETCD_PORT + 10)) \
    --initial-cluster default=http://127.0.0.1:$((ETCD_PORT + 10)) --log-level warn
  start kube-apiserver "$K8S/kube-apiserver" --etcd-servers "http://127.0.0.1:$ETCD_PORT" \
    --bind-address "$NODE_IP" --advertise-address "$NODE_IP" --secure-port "$API_PORT" \
    --tls-cert-file "$pki/apiserver.crt" --tls-private-key-file "$pki/apiserver.key" \
    --client-ca-file "$pki/ca.crt" --authorization-mode Node,RBAC \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-account-key-file "$pki/sa.pub" --service-account-signing-key-file "$pki/sa.key" \
    --service-cluster-ip-range "$SERVICE_CIDR" --allow-privileged=true \
    --kubelet-client-certificate "$pki/kubelet-client.crt" --kubelet-client-key "$pki/kubelet-client.key" \
    --kubelet-preferred-address-types InternalIP \
    --enable-priority-and-fairness=false --v=1
  wait_for kube-apiserver 90 kctl get --raw /readyz
  start kube-controller-manager "$K8S/kube-controller-manager" --kubeconfig "$D/admin.kubeconfig" \
    --service-account-private-key-file "$pki/sa.key" --root-ca-file "$pki/ca.crt" \
    --use-service-account-credentials=false --leader-elect=false --secure-port=0 \
    --cluster-signing-cert-file "$pki/ca.crt" --cluster-signing-key-file "$pki/ca.key" --v=1
  start kube-scheduler "$K8S/kube-scheduler" --kubeconfig "$D/admin.kubeconfig" \
    --leader-elect=false --secure-port=0 --v=1
}

containerd_up() {
  local tag
  tag=$("$ROOT/scripts/images.sh" ref pause)
  mkdir -p "$D/containerd"
  write_if_changed "$D/containerd/config.toml" <<EOF
version = 2
root = "$D/containerd/root"
state = "$RUN/containerd"
disabled_plugins = ["io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.btrfs",
  "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.devmapper"]
[grpc]
  address = "$CONTAINERD_SOCK"
[plugins."io.containerd.internal.v1.opt"]
  path = "$D/containerd/opt"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "$tag"
  # This machine's kernel refuses a negative oom_score_adj, which kubelet asks for sandboxes.
  restrict_oom_score_adj = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$D/cni/net.d"
EOF
  start containerd containerd --config "$D/containerd/config.toml"
  wait_for containerd 30 ctr --address "$CONTAINERD_SOCK" version
}

load() { # load ARCHIVE...: import into containerd's k8s.io namespace (what the kubelet sees)
  local archives=("$@") archive
  if ((${#archives[@]} == 0)); then
    "$ROOT/scripts/images.sh" build >&2
    for name in pause coredns operator trainer bring-your-own; do archives+=("$("$ROOT/scripts/images.sh" path "$name")"); done
  fi
  for archive in "${archives[@]}"; do
    ctr --address "$CONTAINERD_SOCK" -n k8s.io images import --no-unpack=false "$archive" >/dev/null
    log "loaded $archive"
  done
}

node_up() {
  local pki=$D/pki
  mkdir -p "$D/kubelet"
  : >"$D/resolv.conf" # pods resolve through CoreDNS only
  write_if_changed "$D/kubelet/config.yaml" <<EOF
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: $NODE_IP
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: 10248
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: true}
  x509: {clientCAFile: $pki/ca.crt}
authorization: {mode: Webhook}
cgroupDriver: cgroupfs
failCgroupV1: false
failSwapOn: false
containerRuntimeEndpoint: unix://$CONTAINERD_SOCK
clusterDNS: [$DNS_IP]
clusterDomain: cluster.local
resolvConf: $D/resolv.conf
serializeImagePulls: false
localStorageCapacityIsolation: false
# Images cannot be pulled again here: never collect them.
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
evictionHard: {memory.available: 100Mi, nodefs.available: 1%, imagefs.available: 1%, nodefs.inodesFree: 1%}
EOF
  start kubelet "$K8S/kubelet" --config "$D/kubelet/config.yaml" --kubeconfig "$D/node.kubeconfig" \
    --hostname-override "$NODE" --node-ip "$NODE_IP" --root-dir "$D/kubelet/root" \
    --cert-dir "$D/kubelet/pki" --node-labels paddock.dev/real-node=true --v=1
  write_if_changed "$D/kube-proxy.yaml" <<EOF
apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
clientConnection: {kubeconfig: $D/admin.kubeconfig}
mode: iptables
clusterCIDR: $POD_CIDR
hostnameOverride: $NODE
bindAddress: $NODE_IP
metricsBindAddress: 127.0.0.1:10249
healthzBindAddress: 127.0.0.1:10256
nodePortAddresses: [$NODE_IP/32]
conntrack: {maxPerCore: 0}
iptables: {localhostNodePorts: false}
EOF
  start kube-proxy "$K8S/kube-proxy" --config "$D/kube-proxy.yaml" --v=1
  wait_for "node $NODE" 90 kctl wait --for=condition=Ready "node/$NODE" --timeout=1s
}

dns_up() {
  sed -e "s/@DNS_IP@/$DNS_IP/" -e "s#@IMAGE@#$("$ROOT/scripts/images.sh" ref coredns)#" \
    "$ROOT/scripts/node/coredns.yaml" | kctl apply -f - >/dev/null
  wait_for CoreDNS 120 kctl -n kube-system rollout status deployment/coredns --timeout=1s
}

# MinIO for the trials' artifacts, on the node's address (pods reach it; nothing outside does).
store_up() {
  local env=$D/minio.env
  if [[ ! -f $env ]]; then
    (umask 077 && printf 'MINIO_ROOT_USER=paddock-%s\nMINIO_ROOT_PASSWORD=%s\n' \
      "$(openssl rand -hex 4)" "$(openssl rand -hex 16)" >"$env")
  fi
  set -a && source "$env" && set +a
  MINIO_BROWSER=off MINIO_UPDATE=off start minio "$BIN/minio" server "$D/minio" \
    --address "$NODE_IP:9000" --console-address 127.0.0.1:9001
  wait_for MinIO 60 curl -sf "http://$NODE_IP:9000/minio/health/ready"
  AWS_ACCESS_KEY_ID=$MINIO_ROOT_USER AWS_SECRET_ACCESS_KEY=$MINIO_ROOT_PASSWORD \
    python3 "$ROOT/scripts/node/make-bucket.py" "http://$NODE_IP:9000" paddock
  local ns
  for ns in default paddock-system; do
    kctl get namespace "$ns" >/dev/null 2>&1 || kctl create namespace "$ns" >/dev/null
    kctl -n "$ns" create secret generic paddock-store --from-literal=accessKey="$MINIO_ROOT_USER" \
      --from-literal=secretKey="$MINIO_ROOT_PASSWORD" --dry-run=client -o yaml | kctl apply -f - >/dev/null
  done
}

# charts/paddock as the README installs it, with the operator image built here.
paddock_up() {
  store_up
  "$BIN/helm" upgrade --install paddock "$ROOT/charts/paddock" --kubeconfig "$D/admin.kubeconfig" \
    --namespace paddock-system --set image.pullPolicy=Never \
    --set artifactStore.endpoint="http://$NODE_IP:9000" --set artifactStore.credentialsSecret=paddock-store \
    --wait --timeout 5m >/dev/null
  log "Paddock installed in paddock-system; try: kubectl apply -f examples/quickstart/study.yaml"
}

up() {
  ((EUID == 0)) || die "run as root (containerd, kubelet and the bridge need it)"
  need_packages
  "$ROOT/scripts/test-env.sh" install
  bins
  mkdir -p "$D" "$RUN"
  local start_time=$SECONDS
  pki
  kubeconfig admin
  kubeconfig node
  network
  control_plane
  containerd_up
  load
  node_up
  dns_up
  [[ ${1:-} == --with-paddock ]] && paddock_up
  log "up in $((SECONDS - start_time))s: export KUBECONFIG=$D/admin.kubeconfig"
  echo "$D/admin.kubeconfig"
}

# Removes the pods first through the kubelet (so CNI releases their addresses), then whatever
# is left through the CRI, then the processes, mounts, iptables rules and the bridge.
down() {
  bins
  # Controllers first, so that nothing replaces the pods being removed.
  stop_process kube-controller-manager
  stop_process kube-scheduler
  if running kube-apiserver && running kubelet; then
    kctl delete pods --all -A --grace-period=1 --wait=false >/dev/null 2>&1 || true
    local deadline=$((SECONDS + 30))
    while ((SECONDS < deadline)) && [[ -n $(crictl_ pods -q 2>/dev/null) ]]; do sleep 0.5; done
  fi
  if running containerd && [[ -x $BIN/crictl ]]; then
    crictl_ rmp -fa >/dev/null 2>&1 || true
  fi
  local c
  for c in minio kube-proxy kubelet kube-scheduler kube-controller-manager kube-apiserver etcd containerd; do
    stop_process "$c"
  done
  pkill -f "containerd-shim-runc-v2 .*-address $CONTAINERD_SOCK" 2>/dev/null || true
  [[ -x $K8S/kube-proxy ]] && "$K8S/kube-proxy" --cleanup >/dev/null 2>&1 || true
  clean_iptables
  local rule
  for rule in "-s $POD_CIDR ! -o $BRIDGE" "-d $POD_CIDR ! -i $BRIDGE"; do
    # shellcheck disable=SC2086
    while iptables -D FORWARD $rule -m comment --comment paddock-dev-cluster -j DROP 2>/dev/null; do :; done
  done
  grep -o " \(${D}\|$RUN\)[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  ip link del "$BRIDGE" 2>/dev/null || true
  [[ -f $RUN/ip_forward ]] && cat "$RUN/ip_forward" >/proc/sys/net/ipv4/ip_forward
  rm -rf "$RUN" "$D/etcd" "$D/kubelet/root" "$D/containerd/root" "$D/logs" "$D/minio" "$D/minio.env"
  log "down"
}

# The chains kubelet and kube-proxy leave behind (KUBE-FIREWALL, the canaries, KUBE-MARK-MASQ),
# and the jumps to them from the built-in chains.
clean_iptables() {
  local cmd table rule chain
  for cmd in iptables ip6tables; do
    command -v "$cmd" >/dev/null || continue
    for table in filter nat mangle; do
      { "$cmd" -t "$table" -S 2>/dev/null | grep -E '^-A [A-Z]+ .*-j KUBE-' | grep -Ev '^-A KUBE-' || true; } |
        sed 's/^-A/-D/' | while read -r rule; do eval "$cmd -t $table $rule" || true; done
      for chain in $("$cmd" -t "$table" -S 2>/dev/null | sed -n 's/^-N \(KUBE-[^ ]*\)$/\1/p'); do
        "$cmd" -t "$table" -F "$chain"
      done
      for chain in $("$cmd" -t "$table" -S 2>/dev/null | sed -n 's/^-N \(KUBE-[^ ]*\)$/\1/p'); do
        "$cmd" -t "$table" -X "$chain"
      done
    done
  done
}

crictl_() { "$BIN/crictl" --runtime-endpoint "unix://$CONTAINERD_SOCK" "$@"; }

stop_process() {
  running "$1" || { rm -f "$RUN/$1.pid"; return 0; }
  local pid deadline=$((SECONDS + 15))
  pid=$(cat "$RUN/$1.pid")
  kill "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    ((SECONDS < deadline)) || { kill -9 "$pid" 2>/dev/null || true; break; }
    sleep 0.2
  done
  rm -f "$RUN/$1.pid"
}

status() {
  local c
  for c in "${COMPONENTS[@]}"; do running "$c" || return 1; done
}

case ${1:-} in
  up) shift; up "$@" ;;
  down) down ;;
  load) shift; bins; load "$@" ;;
  status) status ;;
  env)
    bins
    echo "export KUBECONFIG=$D/admin.kubeconfig"
    echo "export PATH=$K8S:$BIN:\$PATH"
    echo "export PADDOCK_NODE_IP=$NODE_IP PADDOCK_NODE_NAME=$NODE PADDOCK_CONTAINERD=$CONTAINERD_SOCK"
    ;;
  *) echo "usage: $0 up | load [ARCHIVE...] | down | status | env" >&2; exit 2 ;;
esac
