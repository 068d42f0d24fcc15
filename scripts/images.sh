#!/usr/bin/env bash
# Builds Paddock's container images with no Docker daemon and no registry, as OCI image archives
# that containerd imports (`ctr -n k8s.io images import`):
#
#   paddock/pause     the pod sandbox (scripts/node/pause.c, static): containerd's sandbox_image
#   paddock/operator  `paddock operator`, as operator/Dockerfile describes it
#   paddock/trainer   the DJL trainer with libtorch extracted, as trainer-image/Dockerfile does
#   paddock/coredns   the cluster DNS of the real node (CoreDNS, built by scripts/test-env.sh)
#   paddock/bring-your-own  examples/bring-your-own: a Python trainer in a Debian image, as its
#                     Dockerfile (FROM debian:bookworm-slim, apt-get install, COPY) describes it
#
#   scripts/images.sh build [NAME...]   build what is missing or stale (all by default)
#   scripts/images.sh path NAME         print the archive of an image
#   scripts/images.sh ref NAME          print the image's reference (docker.io/paddock/NAME:TAG)
#
# The base is Debian bookworm assembled by mmdebstrap from Debian's packages (the essential set,
# openjdk-17-jre-headless, libgomp1 for libtorch; no docs, man pages or locales), with the users
# the Dockerfiles run as. A Dockerfile that starts FROM debian:bookworm-slim and installs packages
# with apt-get gets a base of the essential set and those packages, assembled the same way. Each application is laid on it in layers that change at different
# rates: third-party jars, then (trainer) libtorch, then Paddock's own jar and launcher. umoci
# writes the layers and config into one OCI layout (blobs are shared between images), skopeo
# exports each image as an OCI archive. The image's entrypoint, command, user, working directory,
# environment and ports are read from the final stage of its Dockerfile, so the two cannot drift;
# the paths the Dockerfile copies must exist in the image (checked at build time).
#
# Inputs are hashed: an image is rebuilt only when its jars, Dockerfile, the base or this script
# change. Everything lives in $PADDOCK_CACHE/images (default ~/.cache/paddock/images). Needs root
# for mmdebstrap and the packages below, which it installs with apt-get when they are missing.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${PADDOCK_CACHE:-$HOME/.cache/paddock}
DIR=$CACHE/images
LAYOUT=$DIR/oci
TAG=$(sed -n 's/^appVersion: *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$ROOT/charts/paddock/Chart.yaml")
SUITE=bookworm
BASE_PACKAGES=openjdk-17-jre-headless,libgomp1
MIRRORS=(
  "deb http://deb.debian.org/debian $SUITE main"
  "deb http://deb.debian.org/debian $SUITE-updates main"
  "deb http://deb.debian.org/debian-security $SUITE-security main"
)
BASE_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

log() { printf '[images] %s\n' "$*" >&2; }

need_tools() {
  local missing=()
  command -v umoci >/dev/null || missing+=(umoci)
  command -v skopeo >/dev/null || missing+=(skopeo)
  command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
  command -v gcc >/dev/null || missing+=(gcc libc6-dev)
  command -v jq >/dev/null || missing+=(jq)
  ((${#missing[@]})) || return 0
  log "installing ${missing[*]} (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null ||
    { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; }
}

sha() { sha256sum | cut -c1-16; }

# A layer tar that is the same bytes for the same files: sorted, owned by root, no timestamps,
# readable by the image's non-root user (DJL extracts libtorch into 0700 temporary directories).
layer_tar() { # layer_tar OUT DIR PATH...
  local out=$1 dir=$2
  shift 2
  (cd "$dir" && chmod -R a+rX,go-w "$@")
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$dir" -cf "$out" "$@"
}

base_key() { # base_key PACKAGES
  printf '%s\n' "$SUITE" "$1" "${MIRRORS[@]}" "$(declare -f build_base)" | sha
}

# base_dir PACKAGES: where the base with these packages lives (the JRE base keeps its old place).
base_dir() { [[ $1 == "$BASE_PACKAGES" ]] && echo "$DIR/base" || echo "$DIR/base-$(printf '%s' "$1" | sha)"; }

build_base() { # build_base [PACKAGES]: Debian's essential set and PACKAGES (comma-separated)
  local packages=${1:-$BASE_PACKAGES} dir key
  dir=$(base_dir "$packages")
  local out=$dir/rootfs.tar
  key=$(base_key "$packages")
  [[ -f $out && $(cat "$out.key" 2>/dev/null) == "$key" ]] && return 0
  log "assembling the Debian $SUITE base with $packages (mmdebstrap)"
  mkdir -p "$dir"
  # The JRE's postinst registers its man page with update-alternatives: the directory must
  # exist even though man pages are left out. The users are those the Dockerfiles run as.
  mmdebstrap --quiet --variant=essential --include="$packages" \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
    --customize-hook='echo "nonroot:x:65532:" >>"$1/etc/group"; echo "paddock:x:10001:" >>"$1/etc/group"' \
    --customize-hook='echo "nonroot:x:65532:65532::/tmp:/usr/sbin/nologin" >>"$1/etc/passwd"' \
    --customize-hook='echo "paddock:x:10001:10001::/tmp:/usr/sbin/nologin" >>"$1/etc/passwd"' \
    --customize-hook='chroot "$1" dpkg-query -W -f "\${Package} \${Version}\n" > "$1/etc/paddock-base-packages"' \
    --customize-hook='rm -rf "$1/var/cache/apt" "$1/var/lib/apt/lists" "$1/var/log"/*' \
    "$SUITE" "$dir/partial.tar" "${MIRRORS[@]}"
  mv "$dir/partial.tar" "$out"
  echo "$key" >"$out.key"
}

init_layout() {
  [[ -f $LAYOUT/index.json ]] || umoci init --layout "$LAYOUT"
}

# The Dockerfile's final stage as shell assignments: ENTRYPOINT, CMD, USER, WORKDIR, EXPOSE,
# ENV (one KEY=VALUE per line, $PATH expanded against the base) and the COPY destinations.
dockerfile_config() { # dockerfile_config DOCKERFILE
  python3 - "$1" "$BASE_PATH" <<'PY'
import json, re, shlex, sys
lines, path = open(sys.argv[1]).read().splitlines(), sys.argv[2]
text, stage = [], []
for line in lines:
    if line.lstrip().startswith("#"):
        continue
    text.append(line)
joined = re.sub(r"\\\n", " ", "\n".join(text)).splitlines()
for line in joined:
    if re.match(r"(?i)^FROM\s", line):
        stage = []
    elif line.strip():
        stage.append(line.strip())
out = {"env": [], "copies": [], "sources": [], "packages": [], "entrypoint": [], "cmd": [],
       "user": "", "workdir": "", "expose": []}
env = {"PATH": path}
for line in stage:
    word, rest = line.split(None, 1)
    word = word.upper()
    if word == "ENV":
        for pair in shlex.split(rest):
            key, value = pair.split("=", 1)
            value = re.sub(r"\$\{?(\w+)\}?", lambda m: env.get(m.group(1), ""), value)
            env[key] = value
    elif word in ("ENTRYPOINT", "CMD"):
        out[word.lower()] = json.loads(rest)
    elif word == "USER":
        out["user"] = rest
    elif word == "WORKDIR":
        out["workdir"] = rest
    elif word == "EXPOSE":
        out["expose"] = rest.split()
    elif word == "COPY":
        words = rest.split()
        out["copies"].append(words[-1])
        if not any(w.startswith("--from") for w in words):
            out["sources"].append([w for w in words[:-1] if not w.startswith("--")])
    elif word == "RUN" and re.match(r"^(groupadd|useradd)\b", rest):
        pass  # the base image has the Dockerfiles' users
    elif word == "RUN" and "apt-get install" in rest:
        # The packages go into the base (mmdebstrap); the rest of the line is apt's housekeeping.
        for part in re.split(r"&&|;", rest):
            part = part.split()
            if part[:2] == ["apt-get", "install"]:
                out["packages"] += [w for w in part[2:] if not w.startswith("-")]
    else:
        sys.exit(f"{sys.argv[1]}: the image builder does not handle '{word}' in the final stage")
out["env"] = [f"{k}={v}" for k, v in env.items()]
print(json.dumps(out))
PY
}

# configure IMAGE DOCKERFILE STAGING: the config from the Dockerfile, and its COPY targets checked.
configure() {
  local image=$1 config args=()
  config=$(dockerfile_config "$2")
  local field
  while IFS= read -r field; do args+=(--config.env="$field"); done < <(jq -r '.env[]' <<<"$config")
  while IFS= read -r field; do args+=(--config.entrypoint="$field"); done < <(jq -r '.entrypoint[]' <<<"$config")
  while IFS= read -r field; do args+=(--config.cmd="$field"); done < <(jq -r '.cmd[]' <<<"$config")
  while IFS= read -r field; do args+=(--config.exposedports="$field/tcp"); done < <(jq -r '.expose[]' <<<"$config")
  args+=(--config.user="$(jq -r .user <<<"$config")" --config.workingdir="$(jq -r .workdir <<<"$config")")
  args+=(--author=paddock --created=1970-01-01T00:00:00Z --history.created=1970-01-01T00:00:00Z)
  args+=(--history.created_by="scripts/images.sh from ${2#"$ROOT"/}")
  umoci config --image "$LAYOUT:$image" "${args[@]}"
  while IFS= read -r field; do
    [[ -e $3$field ]] || { log "$2 copies to $field, which the image lacks"; exit 1; }
  done < <(jq -r '.copies[]' <<<"$config")
}

# new_image NAME: a fresh tag holding the base layer (or nothing, for a static binary).
new_image() { # new_image NAME [scratch | base [PACKAGES]]
  local image=$1 from=${2:-base} packages=${3:-$BASE_PACKAGES}
  umoci rm --image "$LAYOUT:$image" 2>/dev/null || true
  if [[ $from == base ]]; then
    umoci new --image "$LAYOUT:$image"
    umoci raw add-layer --image "$LAYOUT:$image" --history.created_by="mmdebstrap $SUITE essential + $packages" \
      --history.created=1970-01-01T00:00:00Z "$(base_dir "$packages")/rootfs.tar"
    umoci config --image "$LAYOUT:$image" --config.env="PATH=$BASE_PATH"
  else
    umoci new --image "$LAYOUT:$image"
  fi
}

add_layer() { # add_layer IMAGE STAGING WHAT PATH...
  local image=$1 staging=$2 what=$3 tmp
  shift 3
  tmp=$(mktemp "$DIR/layer.XXXXXX")
  layer_tar "$tmp" "$staging" "$@"
  umoci raw add-layer --image "$LAYOUT:$image" --history.created_by="$what" \
    --history.created=1970-01-01T00:00:00Z "$tmp"
  rm -f "$tmp"
}

export_archive() { # export_archive NAME KEY
  local name=$1 out=$DIR/$1-$TAG.oci.tar
  rm -f "$out"
  skopeo copy --quiet "oci:$LAYOUT:$name" "oci-archive:$out:docker.io/paddock/$name:$TAG"
  echo "$2" >"$out.key"
  umoci gc --layout "$LAYOUT"
  log "$(printf 'paddock/%-9s %s  %s' "$name" "$(du -h "$out" | cut -f1)" "$out")"
  describe "$name"
}

# Prints each layer's compressed size and what made it.
describe() {
  local manifest config
  manifest=$(jq -r --arg r "$1" '.manifests[] | select(.annotations["org.opencontainers.image.ref.name"]==$r) | .digest' \
    "$LAYOUT/index.json" | cut -d: -f2)
  config=$(jq -r .config.digest "$LAYOUT/blobs/sha256/$manifest" | cut -d: -f2)
  paste <(jq -r '.layers[].size' "$LAYOUT/blobs/sha256/$manifest" | numfmt --to=iec) \
    <(jq -r '.history[] | select(.empty_layer != true) | .created_by' "$LAYOUT/blobs/sha256/$config") |
    sed 's/^/[images]     layer /' >&2
}

fresh() { [[ -f $DIR/$1-$TAG.oci.tar && $(cat "$DIR/$1-$TAG.oci.tar.key" 2>/dev/null) == "$2" ]]; }

inputs_key() { # inputs_key FILE... : a hash of the files' contents, this script and the base
  { cat "$0"; base_key "$BASE_PACKAGES"; sha256sum "$@" | cut -d' ' -f1; } | sha
}

build_pause() {
  local key src=$ROOT/scripts/node/pause.c
  key=$(inputs_key "$src")
  fresh pause "$key" && return 0
  log "building paddock/pause:$TAG"
  local staging; staging=$(mktemp -d)
  mkdir -p "$staging/bin"
  gcc -static -Os -s -o "$staging/bin/pause" "$src"
  new_image pause scratch
  add_layer pause "$staging" "gcc -static scripts/node/pause.c" bin
  umoci config --image "$LAYOUT:pause" --config.entrypoint=/bin/pause --config.user=65535:65535 \
    --author=paddock --created=1970-01-01T00:00:00Z
  rm -rf "$staging"
  export_archive pause "$key"
}

# jars MODULE_TARGET MAIN_JAR: sets `files` to the module's runtime jars, packaging them first
# when they are missing (a person's first `dev-cluster.sh up`; the Maven build has them).
jars() {
  if [[ ! -f $1/$2 || ! -d $1/lib ]]; then
    log "packaging the jars (./mvnw -pl operator,trainer-image -am package -DskipTests)"
    (cd "$ROOT" && ./mvnw -B -q -pl operator,trainer-image -am package -DskipTests >&2)
  fi
  files=("$1/$2" "$1"/lib/*.jar)
}

build_operator() {
  local target=$ROOT/operator/target dockerfile=$ROOT/operator/Dockerfile key
  local files
  jars "$target" paddock.jar
  local launcher=$ROOT/operator/src/main/c/paddock-launch.c
  key=$(inputs_key "${files[@]}" "$dockerfile" "$ROOT/operator/bin/paddock" "$launcher")
  fresh operator "$key" && return 0
  log "building paddock/operator:$TAG"
  local staging; staging=$(mktemp -d)
  mkdir -p "$staging/opt/paddock/lib" "$staging/opt/paddock/bin" "$staging/app/opt/paddock/lib"
  cp "$target"/lib/*.jar "$staging/opt/paddock/lib/"
  cp "$target/paddock.jar" "$staging/app/opt/paddock/lib/"
  mkdir -p "$staging/app/opt/paddock/bin" && cp "$ROOT/operator/bin/paddock" "$staging/app/opt/paddock/bin/"
  # The collector sidecar copies the launcher into a collected trial's pod: static, so that it
  # runs in the user's image whatever its libc.
  gcc -static -Os -s -o "$staging/app/opt/paddock/bin/paddock-launch" "$launcher"
  new_image operator
  add_layer operator "$staging" "third-party jars (operator/target/lib)" opt
  add_layer operator "$staging/app" "paddock.jar, bin/paddock and bin/paddock-launch" opt
  cp -r "$staging/app/opt/." "$staging/opt/"
  configure operator "$dockerfile" "$staging"
  rm -rf "$staging"
  export_archive operator "$key"
}

build_trainer() {
  local target=$ROOT/trainer-image/target dockerfile=$ROOT/trainer-image/Dockerfile key
  local files
  jars "$target" paddock-trainer.jar
  key=$(inputs_key "${files[@]}" "$dockerfile" "$ROOT/trainer-image/bin/paddock-trainer")
  fresh trainer "$key" && return 0
  log "building paddock/trainer:$TAG"
  local staging; staging=$(mktemp -d)
  local home=$staging/opt/paddock-trainer app=$staging/app/opt/paddock-trainer
  mkdir -p "$home/lib" "$app/lib" "$app/bin" "$staging/djl/opt/djl-cache"
  cp "$target"/lib/*.jar "$home/lib/"
  cp "$target/paddock-trainer.jar" "$app/lib/" && cp "$ROOT/trainer-image/bin/paddock-trainer" "$app/bin/"
  # libtorch is extracted once, as the Dockerfile's smoke run does, and proves it trains offline.
  log "extracting libtorch with a one-epoch smoke run"
  DJL_CACHE_DIR=$staging/djl/opt/djl-cache ENGINE_CACHE_DIR=$staging/djl/opt/djl-cache DJL_OFFLINE=true \
    "$ROOT/trainer-image/bin/paddock-trainer" train --data 'synthetic:moons?rows=256' --label label \
    --epochs 1 --hidden 8 --artifacts "file://$staging/smoke/" --termination-log "$staging/smoke.json" \
    >"$staging/smoke.log" 2>&1 || { cat "$staging/smoke.log" >&2; exit 1; }
  grep -q '"status":"completed"' "$staging/smoke.json"
  rm -rf "$staging/smoke" "$staging/smoke.json" "$staging/smoke.log"
  new_image trainer
  add_layer trainer "$staging" "third-party jars (trainer-image/target/lib)" opt
  add_layer trainer "$staging/djl" "libtorch, extracted by DJL (/opt/djl-cache)" opt
  add_layer trainer "$staging/app" "paddock-trainer.jar and bin/paddock-trainer" opt
  cp -r "$staging/app/opt/." "$staging/opt/" && cp -r "$staging/djl/opt/." "$staging/opt/"
  configure trainer "$dockerfile" "$staging"
  rm -rf "$staging"
  export_archive trainer "$key"
}

build_coredns() {
  local bin=$CACHE/bin/coredns key
  [[ -x $bin ]] || { log "$bin is missing: run scripts/test-env.sh install"; exit 1; }
  key=$(inputs_key "$bin")
  fresh coredns "$key" && return 0
  log "building paddock/coredns:$TAG"
  local staging; staging=$(mktemp -d)
  mkdir -p "$staging/bin" && cp "$bin" "$staging/bin/coredns"
  new_image coredns scratch
  add_layer coredns "$staging" "coredns $(cat "$bin.version")" bin
  umoci config --image "$LAYOUT:coredns" --config.entrypoint=/bin/coredns --config.user=65532:65532 \
    --config.exposedports=53/udp --config.exposedports=53/tcp \
    --author=paddock --created=1970-01-01T00:00:00Z
  rm -rf "$staging"
  export_archive coredns "$key"
}

# build_debian NAME DOCKERFILE: an image whose Dockerfile is one stage FROM debian:bookworm-slim
# (apt-get install, COPY from the repository root, ENV, WORKDIR, USER, ENTRYPOINT, CMD).
build_debian() {
  local name=$1 dockerfile=$2 config packages key
  grep -qiE '^FROM +debian:bookworm-slim *$' "$dockerfile" ||
    { log "$dockerfile: only FROM debian:bookworm-slim is built here"; exit 1; }
  config=$(dockerfile_config "$dockerfile")
  packages=$(jq -r '.packages | join(",")' <<<"$config")
  local sources=() source
  while IFS= read -r source; do sources+=("$ROOT/$source"); done < <(jq -r '.sources[][]' <<<"$config")
  key=$(inputs_key "$dockerfile" $(find "${sources[@]}" -type f -not -name '*.pyc' | sort))
  key=$(printf '%s %s' "$key" "$(base_key "$packages")" | sha)
  fresh "$name" "$key" && return 0
  log "building paddock/$name:$TAG"
  build_base "$packages"
  local staging; staging=$(mktemp -d)
  local copy from to
  while IFS= read -r copy; do
    to=$(jq -r '.[-1]' <<<"$copy")
    while IFS= read -r from; do
      # COPY DIR DEST copies the directory's contents; COPY FILE DEST/ keeps the file's name.
      mkdir -p "$staging$(dirname "$to")"
      if [[ -d $ROOT/$from ]]; then
        mkdir -p "$staging$to" && cp -r "$ROOT/$from/." "$staging$to/"
      elif [[ $to == */ ]]; then
        mkdir -p "$staging$to" && cp "$ROOT/$from" "$staging$to"
      else
        cp "$ROOT/$from" "$staging$to"
      fi
    done < <(jq -r '.[:-1][]' <<<"$copy")
  done < <(python3 - "$dockerfile" <<'PY'
import json, re, sys
stage = re.sub(r"\\\n", " ", open(sys.argv[1]).read()).splitlines()
for line in stage:
    words = line.split()
    if words and words[0].upper() == "COPY" and not any(w.startswith("--from") for w in words):
        print(json.dumps([w for w in words[1:] if not w.startswith("--")]))
PY
  )
  find "$staging" -name '__pycache__' -prune -exec rm -rf {} +
  new_image "$name" base "$packages"
  local tops; tops=$(cd "$staging" && ls -A)
  # shellcheck disable=SC2086
  add_layer "$name" "$staging" "COPY (${dockerfile#"$ROOT"/})" $tops
  configure "$name" "$dockerfile" "$staging"
  rm -rf "$staging"
  export_archive "$name" "$key"
}

build_bring-your-own() { build_debian bring-your-own "$ROOT/examples/bring-your-own/Dockerfile"; }

build() {
  need_tools
  mkdir -p "$DIR"
  local names=("$@")
  ((${#names[@]})) || names=(pause operator trainer coredns bring-your-own)
  local start=$SECONDS
  build_base
  init_layout
  for name in "${names[@]}"; do "build_$name"; done
  log "images ready in $DIR ($((SECONDS - start))s)"
}

case ${1:-build} in
  build) shift || true; build "$@" ;;
  path) echo "$DIR/$2-$TAG.oci.tar" ;;
  ref) echo "docker.io/paddock/$2:$TAG" ;;
  *) echo "usage: $0 build [NAME...] | path NAME | ref NAME" >&2; exit 2 ;;
esac
