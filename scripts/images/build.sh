#!/usr/bin/env bash
# Builds the three images (actors-api, actors-silo, actors-migrations) with podman on a machine that reaches no container
# registry but does reach Debian's, NuGet's and npm's: the Containerfiles' base images (Microsoft's ASP.NET runtime and
# SDK, Node) are replaced, through their ARGs, by local ones made here with debootstrap and this machine's own dotnet
# and node installations. Then a smoke check of each image (docs/operations.md, "Images").
#
#   scripts/images/build.sh              base images if missing, the three images, the smoke checks
#   scripts/images/build.sh --rebase     the same, making the local base images anew (after a dotnet update)
#   scripts/images/build.sh --no-check   images only
#
# Environment: ACTORS_IMAGES_DIR (default /var/tmp/actors-images): containers.conf, the debootstrap tree, logs.
# Run as root (debootstrap, apt-get, rootful podman). Prints the seconds each step took.
set -euo pipefail
cd "$(dirname "$0")/../.."

rebase=false check=true
for arg in "$@"; do
  case "$arg" in
    --rebase) rebase=true ;;
    --no-check) check=false ;;
    *) echo "unknown argument: $arg (see the head of $0)" >&2; exit 2 ;;
  esac
done

STATE="${ACTORS_IMAGES_DIR:-/var/tmp/actors-images}"
mkdir -p "$STATE"
SUITE=bookworm
BASE=localhost/actors-base SDK=localhost/actors-sdk NODE=localhost/actors-node
started=$SECONDS
step_started=$SECONDS
step() { echo "== $* (at $((SECONDS - started)) s)"; step_started=$SECONDS; }
took() { echo "   took $((SECONDS - step_started)) s"; }

step "tools"
missing=()
for tool in podman buildah runc debootstrap; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > "$STATE/apt.log" 2>&1 \
    || { tail -20 "$STATE/apt.log"; exit 1; }
fi
# Without systemd and with cgroup v1 here, crun fails on the hybrid cgroups, and raising the default limits fails on
# setrlimit (no CAP_SYS_RESOURCE): runc, and limits within the current ones.
cat > "$STATE/containers.conf" <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
export CONTAINERS_CONF="$STATE/containers.conf"
took

# The local stand-in for Microsoft's ASP.NET image: Debian minbase, the native libraries .NET and SkiaSharp load, this
# machine's dotnet host and shared runtimes, and the "app" user (uid 1654) as in Microsoft's images.
if $rebase || ! podman image exists "$BASE"; then
  step "base image $BASE (debootstrap $SUITE)"
  mirror=$(grep -h -E '^(URIs:|deb )' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | grep -o 'http[^ ]*/debian$' | head -1 || true)
  mirror=${mirror:-http://deb.debian.org/debian}
  root="$STATE/rootfs"
  # debootstrap mounts /proc (and may mount /sys) in the tree and, on some machines, leaves it mounted: an rm -rf would
  # reach into the host's /proc, and the image would hold a copy of it. Unmount before deleting and before packing.
  unmount_tree() { { findmnt -rn -o TARGET | grep -F "$1/" || true; } | sort -r | while read -r mount; do umount -l "$mount"; done; }
  unmount_tree "$root"
  rm -rf "$root"
  debootstrap --variant=minbase --include=libicu72,libssl3,ca-certificates,libfontconfig1,tzdata \
    "$SUITE" "$root" "$mirror" > "$STATE/debootstrap.log" 2>&1 || { tail -20 "$STATE/debootstrap.log"; exit 1; }
  unmount_tree "$root"
  dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  runtime=$(dotnet --list-runtimes | awk '$1 == "Microsoft.AspNetCore.App" { v = $2 } END { print v }')
  [ -n "$runtime" ] || { echo "no Microsoft.AspNetCore.App runtime in $(command -v dotnet)" >&2; exit 1; }
  mkdir -p "$root/usr/share/dotnet/shared" "$root/usr/share/dotnet/host/fxr"
  cp "$dotnet_root/dotnet" "$root/usr/share/dotnet/"
  cp -a "$dotnet_root/host/fxr/$(ls "$dotnet_root/host/fxr" | sort -V | tail -1)" "$root/usr/share/dotnet/host/fxr/"
  for framework in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
    mkdir -p "$root/usr/share/dotnet/shared/$framework"
    cp -a "$dotnet_root/shared/$framework/$runtime" "$root/usr/share/dotnet/shared/$framework/"
  done
  ln -sf /usr/share/dotnet/dotnet "$root/usr/bin/dotnet"
  chroot "$root" groupadd --gid 1654 app
  chroot "$root" useradd --uid 1654 --gid 1654 --create-home --shell /bin/false app
  rm -rf "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/var/cache/apt/* \
    "$root"/var/lib/apt/lists/* "$root"/var/log/*.log
  podman rmi -f "$BASE" "$SDK" "$NODE" > /dev/null 2>&1 || true
  tar -C "$root" --exclude=./proc/* --exclude=./sys/* -c . | podman import \
    --change 'ENV APP_UID=1654' --change "ENV DOTNET_VERSION=$runtime" --change "ENV ASPNET_VERSION=$runtime" \
    --change 'ENV DOTNET_RUNNING_IN_CONTAINER=true' --change 'ENV ASPNETCORE_HTTP_PORTS=8080' \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["/bin/bash"]' - "$BASE" > /dev/null
  rm -rf "$root"
  echo "   $BASE: .NET runtime $runtime, $(podman image inspect --format '{{.Size}}' "$BASE" | awk '{ printf "%d MB", $1 / 1e6 }')"
  took
fi

# The stand-ins for Microsoft's SDK image (the base plus this machine's whole dotnet directory) and Node's (the base
# plus this machine's node and npm).
if ! podman image exists "$SDK"; then
  step "SDK image $SDK"
  dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  # The build stages reach NuGet and npm through this machine's TLS-inspecting egress: its local CAs go into the
  # build-time images only (never into the runtime base).
  printf 'FROM %s\nCOPY dotnet/ /usr/share/dotnet/\nCOPY ca/ /usr/local/share/ca-certificates/\nRUN update-ca-certificates\nENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1\n' "$BASE" > "$STATE/sdk.Containerfile"
  sdk_context="$STATE/sdk-context"
  rm -rf "$sdk_context" && mkdir -p "$sdk_context/ca" && cp -a "$dotnet_root" "$sdk_context/dotnet"
  cp /usr/local/share/ca-certificates/*.crt "$sdk_context/ca/" 2>/dev/null || true
  podman build --quiet -t "$SDK" -f "$STATE/sdk.Containerfile" "$sdk_context" > /dev/null
  rm -rf "$sdk_context"
  took
fi
if ! podman image exists "$NODE"; then
  step "Node image $NODE"
  node_dir="$STATE/node"
  rm -rf "$node_dir" && mkdir -p "$node_dir/bin" "$node_dir/lib/node_modules"
  cp "$(readlink -f "$(command -v node)")" "$node_dir/bin/node"
  cp -a "$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")" "$node_dir/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$node_dir/bin/npm"
  mkdir -p "$node_dir/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$node_dir/share/ca-certificates/" 2>/dev/null || true
  printf 'FROM %s\nCOPY . /usr/local/\nRUN update-ca-certificates\nENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt\n' "$BASE" \
    | podman build --quiet -t "$NODE" -f - "$node_dir" > /dev/null
  rm -rf "$node_dir"
  took
fi

# NuGet and npm are reached from the build stages; the host's package caches are lent to them so that an unchanged
# restore downloads nothing.
mkdir -p "$HOME/.nuget/packages" "$HOME/.npm"
build_args=(--build-arg "BASE_IMAGE=$BASE" --build-arg "SDK_IMAGE=$SDK" --build-arg "NODE_IMAGE=$NODE"
  --volume "$HOME/.nuget/packages:/root/.nuget/packages" --volume "$HOME/.npm:/root/.npm")
label=(--label "org.opencontainers.image.revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)")
for image in api silo migrations; do
  step "image actors-$image"
  case "$image" in
    api) args=(-f api/Containerfile) ;;
    silo) args=(-f silo/Containerfile --target silo) ;;
    migrations) args=(-f silo/Containerfile --target migrations) ;;
  esac
  podman build "${build_args[@]}" "${label[@]}" "${args[@]}" -t "localhost/actors-$image" . > "$STATE/build-$image.log" 2>&1 \
    || { tail -40 "$STATE/build-$image.log"; exit 1; }
  echo "   localhost/actors-$image: $(podman image inspect --format '{{.Size}}' "localhost/actors-$image" | awk '{ printf "%d MB", $1 / 1e6 }')"
  took
done

if ! $check; then echo "== done in $((SECONDS - started)) s"; exit 0; fi

# The smoke checks run the images as the manifests do: uid 1654, read-only root, a tmpfs on /tmp.
failures=0
fail() { echo "FAILED $*"; failures=$((failures + 1)); }
hardened=(--read-only --tmpfs /tmp --user 1654 --cap-drop ALL --security-opt no-new-privileges)

step "check: actors-api in embedded mode"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# Production, as deployed: it needs its token signing key and the audit trail's address hash key; GraphiQL is switched on so that its page can be checked.
api=$(podman run -d "${hardened[@]}" -p "127.0.0.1:$port:8080" -e "Auth__SigningKey=$(openssl rand -base64 48)" \
  -e "Audit__AddressHashKey=$(openssl rand -base64 32)" -e GraphQL__GraphiQL=true localhost/actors-api)
ready=false
for _ in $(seq 1 180); do
  if curl -fs "http://127.0.0.1:$port/health/ready" > /dev/null 2>&1; then ready=true; break; fi
  [ "$(podman inspect --format '{{.State.Running}}' "$api")" = true ] || break
  sleep 1
done
if $ready; then
  # Production runs trusted documents: anonymous callers send a registered operation's hash (operations/manifest.json).
  governorates=$(python3 -c 'import json; print(next(h for h, o in json.load(open("operations/manifest.json")).items() if o["name"] == "Governorates"))')
  answer=$(curl -fs -H 'Content-Type: application/json' -d "{\"documentId\":\"sha256:$governorates\"}" "http://127.0.0.1:$port/graphql" || true)
  if echo "$answer" | grep -q '"code":"TUNIS"'; then echo "   ok: /health/ready and Governorates by hash"
  else fail "the API answered $answer"; fi
  # The pages' vendored scripts made it into the image (built by the Containerfile's node stage).
  for asset in graphiql/vendor/graphiql.min.js verify/ dashboard/; do
    curl -fs -o /dev/null "http://127.0.0.1:$port/$asset" && echo "   ok: /$asset" || fail "/$asset not served"
  done
else
  fail "actors-api was not ready (within 180 s, or it stopped)"; podman logs "$api" 2>&1 | tail -30
fi
podman rm -f "$api" > /dev/null
took

step "check: actors-migrations and actors-silo wait-for-schema against a local PostgreSQL"
if connection=$(scripts/local-postgres.sh start 2> "$STATE/postgres.log"); then
  # PostgreSQL listens on the host's loopback only: the host's network namespace.
  if podman run --rm "${hardened[@]}" --network host -e "ConnectionStrings__Postgres=$connection" \
       localhost/actors-migrations > "$STATE/migrate.log" 2>&1; then echo "   ok: migrate"
  else fail "migrate"; tail -20 "$STATE/migrate.log"; fi
  if podman run --rm "${hardened[@]}" --network host -e "ConnectionStrings__Postgres=$connection" \
       localhost/actors-silo wait-for-schema --timeout 00:01:00 > "$STATE/wait.log" 2>&1; then echo "   ok: wait-for-schema"
  else fail "wait-for-schema"; tail -20 "$STATE/wait.log"; fi
else
  fail "no local PostgreSQL"; tail -20 "$STATE/postgres.log"
fi
took

echo "== done in $((SECONDS - started)) s, $failures failed check(s)"
[ "$failures" -eq 0 ]
