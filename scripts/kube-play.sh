#!/usr/bin/env bash
# Plays the manifests with `podman kube play` on this machine (issue 14; docs/operations.md, "Exercised with podman kube
# play"): k8s/overlays/podman (the dev overlay against a PostgreSQL on the host) rendered by kubectl kustomize, adapted
# where podman reads Kubernetes differently, then two silo pods, the API pod and the migrations (the Job's pod) played
# at once. Then a citizen's request goes in through the API, one silo's main process is killed (podman must restart it by
# the pod's restart policy), the center's agent moves the request on through the API, and the script checks that nothing
# was lost. Everything is torn down at the end, also on failure (--keep leaves it running to look around).
#
#   scripts/kube-play.sh          the whole run; exit 0 only when every check passed
#   scripts/kube-play.sh --keep   the same, without the teardown (then: scripts/kube-play.sh --down)
#   scripts/kube-play.sh --down   tears down what a --keep run left
#
# Run as root (rootful podman: the pods' addresses are reachable from the host). Builds the images first if they are
# missing (scripts/images/build.sh --no-check, about 6 minutes). Not part of .ci/run: a run takes minutes.
# Environment: ACTORS_IMAGES_DIR (default /var/tmp/actors-images, where build.sh writes containers.conf),
# ACTORS_KUBE_DIR (default /var/tmp/actors-kube-play: the rendered manifests, PostgreSQL's data and logs).
set -euo pipefail
cd "$(dirname "$0")/.."

keep=false down_only=false
for arg in "$@"; do
  case "$arg" in
    --keep) keep=true ;;
    --down) down_only=true ;;
    *) echo "unknown argument: $arg (see the head of $0)" >&2; exit 2 ;;
  esac
done

IMAGES_DIR="${ACTORS_IMAGES_DIR:-/var/tmp/actors-images}"
STATE="${ACTORS_KUBE_DIR:-/var/tmp/actors-kube-play}"
# A network of its own: the pods' subnet is known (PostgreSQL lets in only that one) and other containers on this
# machine are not on it.
NETWORK=actors-kube
PLAYED="$STATE/played.yaml" MIGRATIONS="$STATE/played-migrations.yaml"
PG_DIR="$STATE/postgres"
export CONTAINERS_CONF="$IMAGES_DIR/containers.conf"

started=$SECONDS
step() { echo "== $* (at $((SECONDS - started)) s)"; }
ok() { echo "   ok: $*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n | tail -1; }
as_postgres() { runuser -u postgres -- "$@"; }

# Every container's output, kept in $STATE/logs after the teardown.
save_logs() {
  rm -rf "$STATE/logs" && mkdir -p "$STATE/logs"
  local container
  for container in $(podman ps -a --format '{{.Names}}' | grep -E '^actors-(silo|api|migrations)-' || true); do
    podman logs "$container" > "$STATE/logs/$container.log" 2>&1 || true
  done
}

teardown() {
  step "teardown"
  if [ -f "$STATE/played" ]; then
    save_logs
    for file in "$PLAYED" "$MIGRATIONS"; do
      podman kube down "$file" >> "$STATE/down.log" 2>&1 && ok "podman kube down $(basename "$file")" \
        || { echo "   podman kube down $(basename "$file") failed:"; tail -3 "$STATE/down.log" || true; }
    done
    # What a half-failed play left, which kube down does not remove: the pods on this script's network.
    podman pod ps --filter "network=$NETWORK" --format '{{.Name}}' | while read -r pod; do podman pod rm -f "$pod" > /dev/null 2>&1 || true; done
    rm -f "$STATE/played"
  fi
  # The manifest's Secrets became podman secrets, and the secret and emptyDir volumes named volumes: they outlive the pods.
  if [ -d "$STATE/secrets" ]; then
    for file in "$STATE"/secrets/*.json; do [ -e "$file" ] && podman secret rm "$(basename "$file" .json)" > /dev/null 2>&1 || true; done
    while read -r volume; do [ -n "$volume" ] && podman volume rm -f "$volume" > /dev/null 2>&1 || true; done < "$STATE/secrets/volumes"
    rm -rf "$STATE/secrets"
  fi
  if podman network exists "$NETWORK" 2>/dev/null; then podman network rm "$NETWORK" > /dev/null 2>&1 || true; fi
  local bin; bin=$(pg_bin)
  if [ -n "$bin" ] && [ -d "$PG_DIR/data" ]; then
    as_postgres "$bin/pg_ctl" stop -w -m fast -D "$PG_DIR/data" > /dev/null 2>&1 || true
  fi
  [ -f "$PG_DIR/server.log" ] && cp "$PG_DIR/server.log" "$STATE/postgres.log"
  rm -rf "$PG_DIR"
  ok "PostgreSQL stopped, network $NETWORK removed (logs stay in $STATE/logs)"
}

[ "$(id -u)" = 0 ] || fail "run as root (rootful podman, PostgreSQL as the postgres user)"
if $down_only; then teardown; exit 0; fi
mkdir -p "$STATE"
if ! $keep; then trap teardown EXIT; fi

step "tools"
missing=()
for tool in podman kubectl curl jq openssl; do command -v "$tool" > /dev/null || missing+=("$tool"); done
[ ${#missing[@]} -eq 0 ] || fail "missing: ${missing[*]} (scripts/images/build.sh installs podman; kubectl as for .ci/run)"
/usr/bin/python3 -c 'import yaml' 2> /dev/null \
  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-yaml > /dev/null; }
[ -n "$(pg_bin)" ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null; }
[ -f "$CONTAINERS_CONF" ] || fail "no $CONTAINERS_CONF: run scripts/images/build.sh once (it writes it)"
ok "podman $(podman version --format '{{.Client.Version}}'), kubectl $(kubectl version --client -o json | jq -r .clientVersion.gitVersion), PostgreSQL $("$(pg_bin)/postgres" --version | awk '{ print $3 }')"

step "images"
for image in silo api migrations; do
  if ! podman image exists "localhost/actors-$image"; then
    echo "   localhost/actors-$image is missing: scripts/images/build.sh --no-check (about 6 minutes)"
    scripts/images/build.sh --no-check
    break
  fi
done
# The dev overlay names the images localhost/actors-*:dev; build.sh tags what it builds :latest.
for image in silo api migrations; do podman tag "localhost/actors-$image:latest" "localhost/actors-$image:dev"; done
ok "localhost/actors-{silo,api,migrations}:dev = :latest ($(podman image inspect --format '{{index .Labels "org.opencontainers.image.revision"}}' localhost/actors-silo:dev | cut -c1-10))"

step "render k8s/overlays/podman and adapt it for podman $(podman version --format '{{.Client.Version}}')"
k8s/overlays/dev/make-secrets.sh > /dev/null
kubectl kustomize k8s/overlays/podman > "$STATE/rendered.yaml"
# What podman reads differently from a cluster (found with podman 4.3.1, Debian's), done here because kustomize cannot:
# - it plays Pods and Deployments (with their ConfigMaps): the Job's pod becomes a Pod of the Job's name, with the
#   Job's restart policy (OnFailure); the kinds podman has no use for are left out and listed;
# - Secrets come from podman's own secret store, in two shapes: for env (secretKeyRef) a flat JSON map of base64
#   values; for a volume a Kubernetes Secret whose data it writes out without decoding (so decoded here; stringData it
#   ignores), a volume's items becoming its files. The Secret's volumes read a second podman secret "<name>-files". An
#   unset `optional` on a secret volume crashes podman 4.3: set to false, Kubernetes' default;
# - env from fieldRef status.* (POD_IP) and metadata.namespace (POD_NAMESPACE) is refused: left out. The silos then
#   advertise their own interface's address, the pod's, which is what POD_IP says (Orleans' Kubernetes hosting, the only
#   reader of both, is off without KUBERNETES_SERVICE_HOST);
# - every containerPort is published on the host's same port: two silos on one host would clash (and with whatever
#   else listens here). Left out: the pods reach each other on the pods' network, this script reaches them there too;
# - probes: readiness is ignored; liveness and startup become healthchecks that run curl (not in the images) on the
#   probe's port number (a named port becomes 0), scheduled by systemd timers (none here). Left out: this script polls
#   /health/ready itself;
# - podman removes an init container once it has exited, and on a loaded machine tries before it has seen the exit
#   ("cannot remove container ... as it is running"; the pod annotation for "always" init containers is ignored by
#   4.3.1): the init containers (wait-for-schema) are left out, and the hosts played after the migrations' pod;
# - an emptyDir becomes a named volume of the volume's name, shared by every pod that names it: renamed
#   "<workload>-<name>", so that the silos' /tmp and the API's are apart (a Deployment's replicas still share theirs).
rm -rf "$STATE/secrets" && mkdir -p "$STATE/secrets" && chmod 700 "$STATE/secrets"
/usr/bin/python3 - "$STATE/rendered.yaml" "$PLAYED" "$STATE/secrets" <<'PY'
import base64, json, os, sys, yaml
source, target, secrets_dir = sys.argv[1:4]
played, secrets, left_out, adapted, volumes = [], {}, [], [], []
def note(text):
    if text not in adapted:
        adapted.append(text)
for doc in yaml.safe_load_all(open(source)):
    if not doc:
        continue
    kind, name = doc["kind"], doc["metadata"]["name"]
    if kind == "Secret":
        secrets[name] = {k: base64.b64decode("".join(str(v).split())) for k, v in (doc.get("data") or {}).items()}
        secrets[name].update({k: v.encode() for k, v in (doc.get("stringData") or {}).items()})
        continue
    if kind == "Job":
        template = doc["spec"]["template"]
        doc = {"apiVersion": "v1", "kind": "Pod",
               "metadata": {"name": name, "labels": template["metadata"].get("labels", {})}, "spec": template["spec"]}
        note(f"Job/{name} played as Pod/{name} (restartPolicy {doc['spec'].get('restartPolicy')})")
        kind = "Pod"
    if kind not in ("ConfigMap", "Pod", "Deployment"):
        left_out.append(f"{kind}/{name}")
        continue
    if kind != "ConfigMap":
        spec = doc["spec"] if kind == "Pod" else doc["spec"]["template"]["spec"]
        if spec.pop("initContainers", None):
            note("init containers (wait-for-schema) left out: the hosts are played once the migrations' pod has exited 0")
        renamed = {}
        for volume in spec.get("volumes", []):
            if "emptyDir" in volume:
                renamed[volume["name"]] = volume["name"] = f"{name}-{volume['name']}"
                volumes.append(volume["name"])
                note(f"emptyDir volumes named <workload>-<name>, e.g. {volume['name']}")
            if "secret" in volume:
                secret = volume["secret"]
                items = secret.get("items") or [{"key": k, "path": k} for k in secrets[secret["secretName"]]]
                files = {i["path"]: secrets[secret["secretName"]][i["key"]].decode() for i in items}
                secret["secretName"] += "-files"
                secret.setdefault("optional", False)
                secrets[secret["secretName"]] = {"files": files}
                volumes.append(secret["secretName"])
                note(f"secret volume {volume['name']} reads podman secret {secret['secretName']}")
        for container in spec.get("initContainers", []) + spec.get("containers", []):
            for mount in container.get("volumeMounts", []):
                mount["name"] = renamed.get(mount["name"], mount["name"])
            kept = []
            for env in container.get("env", []):
                field = ((env.get("valueFrom") or {}).get("fieldRef") or {}).get("fieldPath", "")
                if field.startswith("status.") or field == "metadata.namespace":
                    note(f"{kind}/{name} container {container['name']}: env {env['name']} (fieldRef {field}) left out")
                else:
                    kept.append(env)
            container["env"] = kept
            for field in ("ports", "readinessProbe", "livenessProbe", "startupProbe"):
                if container.pop(field, None) is not None:
                    note(f"containers' {field} left out")
    played.append(doc)
for name, content in secrets.items():
    if "files" in content:
        shape = {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": name}, "data": content["files"]}
    else:
        shape = {k: base64.b64encode(v).decode() for k, v in content.items()}
    path = os.path.join(secrets_dir, name + ".json")
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as out:
        json.dump(shape, out)
with open(os.path.join(secrets_dir, "volumes"), "w") as out:
    out.write("\n".join(sorted(set(volumes))) + "\n")
configuration = [d for d in played if d["kind"] == "ConfigMap"]
pods = [d for d in played if d["kind"] == "Pod"]
hosts = sorted((d for d in played if d["kind"] == "Deployment"), key=lambda d: 0 if d["metadata"]["name"] == "actors-silo" else 1)
with open(target.replace(".yaml", "-migrations.yaml"), "w") as out:
    yaml.safe_dump_all(configuration + pods, out, sort_keys=False)
with open(target, "w") as out:
    yaml.safe_dump_all(configuration + hosts, out, sort_keys=False)
print("   played: " + ", ".join(f"{d['kind']}/{d['metadata']['name']}" for d in played))
print("   podman secrets: " + ", ".join(sorted(secrets)))
for line in adapted:
    print("   adapted: " + line)
print("   left out (a cluster's, not podman's): " + ", ".join(left_out))
PY

step "PostgreSQL on the host, reachable from the pods' network only"
podman network exists "$NETWORK" || podman network create "$NETWORK" > /dev/null
subnet=$(podman network inspect "$NETWORK" --format '{{range .Subnets}}{{.Subnet}} {{end}}' | awk '{ print $1 }')
[ -n "$subnet" ] || fail "no subnet for network $NETWORK"
# The connection string the pods get (the overlay's Secret): the server is made to match it.
connection=$(jq -r '."connection-string"' "$STATE"/secrets/actors-postgres-migrations-*.json | base64 -d)
setting() { echo "$connection" | tr ';' '\n' | awk -F= -v key="$1" 'tolower($1) == tolower(key) { print $2 }'; }
pg_port=$(setting Port) pg_user=$(setting Username) pg_password=$(setting Password) pg_database=$(setting Database)
[ -n "$pg_port" ] && [ -n "$pg_user" ] && [ -n "$pg_password" ] && [ -n "$pg_database" ] || fail "cannot read the overlay's connection string"
! (echo > "/dev/tcp/127.0.0.1/$pg_port") 2> /dev/null || fail "port $pg_port is taken: another run? (scripts/kube-play.sh --down)"
bin=$(pg_bin)
rm -rf "$PG_DIR" && mkdir -p "$PG_DIR" && chown postgres: "$PG_DIR"
printf '%s\n' "$(openssl rand -hex 24)" > "$PG_DIR/superuser-password" && chown postgres: "$PG_DIR/superuser-password"
as_postgres "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=scram-sha-256 --pwfile="$PG_DIR/superuser-password" \
  -E UTF8 --locale=C.UTF-8 > "$PG_DIR/initdb.log" 2>&1 || { tail -20 "$PG_DIR/initdb.log" || true; fail "initdb"; }
# Every address, because the bridge's own address appears only once a pod is on it; pg_hba.conf lets in the host's
# loopback (this script's checks) and the pods' subnet, by password, and nobody else.
cat > "$PG_DIR/data/pg_hba.conf" <<HBA
host all all 127.0.0.1/32 scram-sha-256
host $pg_database $pg_user $subnet scram-sha-256
HBA
as_postgres "$bin/pg_ctl" start -w -t 60 -D "$PG_DIR/data" -l "$PG_DIR/server.log" \
  -o "-p $pg_port -c listen_addresses='*' -c unix_socket_directories='' -c max_connections=200 -c timezone=Africa/Tunis" \
  > /dev/null || { tail -20 "$PG_DIR/server.log" || true; fail "PostgreSQL did not start"; }
superuser() { PGPASSWORD=$(cat "$PG_DIR/superuser-password") "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
superuser -d postgres -c "CREATE ROLE \"$pg_user\" LOGIN PASSWORD '$pg_password'" -c "CREATE DATABASE \"$pg_database\" OWNER \"$pg_user\""
query() { PGPASSWORD=$pg_password "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d "$pg_database" -v ON_ERROR_STOP=1 -qtA -c "$1"; }
ok "port $pg_port, database $pg_database, role $pg_user; pods' network $NETWORK $subnet"

step "podman kube play: the migrations' pod (network $NETWORK)"
for file in "$STATE"/secrets/*.json; do
  name=$(basename "$file" .json)
  podman secret rm "$name" > /dev/null 2>&1 || true
  podman secret create "$name" "$file" > /dev/null
done
touch "$STATE/played"
podman kube play --network "$NETWORK" "$MIGRATIONS" > "$STATE/play.log" 2>&1 || { tail -30 "$STATE/play.log" || true; fail "podman kube play"; }
container_state() { podman inspect --format '{{.State.Status}} {{.State.ExitCode}} {{.RestartCount}} {{.State.Pid}}' "$1"; }
for _ in $(seq 1 300); do
  read -r status code restarts _ <<< "$(container_state actors-migrations-migrate)"
  if [ "$status" = exited ] && [ "$code" = 0 ]; then break; fi
  sleep 1
done
[ "$status" = exited ] && [ "$code" = 0 ] || { podman logs --tail 20 actors-migrations-migrate || true; fail "the migrations' pod did not finish (state $status, exit $code, restarts $restarts)"; }
ok "actors-migrations exited 0 (restarts: $restarts); schema version $(query "SELECT max(version) FROM schema_version" 2> /dev/null || echo '?')"

step "podman kube play: two silos, the API"
podman kube play --network "$NETWORK" "$PLAYED" >> "$STATE/play.log" 2>&1 || { tail -30 "$STATE/play.log" || true; fail "podman kube play"; }
pods_of() { podman pod ps --filter "label=app.kubernetes.io/name=$1" --format '{{.Name}}' | sort; }
pod_ip() {
  podman inspect --format "{{(index .NetworkSettings.Networks \"$NETWORK\").IPAddress}}" \
    "$(podman pod inspect --format '{{.InfraContainerID}}' "$1")"
}
silos=($(pods_of actors-silo)) apis=($(pods_of actors-api))
[ ${#silos[@]} -eq 2 ] || fail "expected 2 silo pods, found: ${silos[*]:-none}"
[ ${#apis[@]} -eq 1 ] || fail "expected 1 API pod, found: ${apis[*]:-none}"
ok "pods: actors-migrations ${silos[*]} ${apis[*]}"
wait_ready() { # name url
  for _ in $(seq 1 300); do
    if curl -fs -o /dev/null --max-time 5 "$2/health/ready"; then ok "$1 ready at $2"; return 0; fi
    sleep 1
  done
  podman logs --tail 30 "$1-${3:-silo}" 2>&1 || true
  fail "$1 not ready within 300 s at $2"
}
step "silos and API ready (/health/ready: joined the cluster, PostgreSQL answers)"
declare -A ip
for pod in "${silos[@]}"; do ip[$pod]=$(pod_ip "$pod"); wait_ready "$pod" "http://${ip[$pod]}:8081" silo; done
api_pod=${apis[0]}
ip[$api_pod]=$(pod_ip "$api_pod")
API="http://${ip[$api_pod]}:8080"
wait_ready "$api_pod" "$API" api
active_silos() { query "SELECT count(*) FROM orleans_membership WHERE status = 3"; }
[ "$(active_silos)" = 2 ] || fail "membership: $(active_silos) active silo(s), expected 2"
ok "membership: 2 active silos ($(query "SELECT string_agg(address || ':' || port || ' gen ' || generation, ', ' ORDER BY address) FROM orleans_membership WHERE status = 3"))"

# GraphQL over HTTP with curl: prints the JSON answer, or nothing when the call failed on the way.
graphql() { # token query variables-json
  curl -sS --max-time 60 -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    -d "$(jq -nc --arg q "$2" --argjson v "$3" '{ query: $q, variables: $v }')" "$API/graphql" 2> /dev/null || true
}
token() { # JSON body for /dev/token
  curl -fsS --max-time 30 -H 'Content-Type: application/json' -d "$1" "$API/dev/token" | jq -r .token
}
READ='query($id: ID!) { request(id: $id) { id reference status version history { version status } } }'
read_request() { graphql "$agent" "$READ" "{\"id\":\"$request_id\"}"; }

step "a citizen's request through the API"
CENTER=TN11-GU1
citizen=$(token '{"role":"CITIZEN","subject":"kube-play-citizen","nationalIdNumber":"01234567"}')
agent=$(token "{\"role\":\"AGENT\",\"subject\":\"kube-play-agent\",\"centerId\":\"$CENTER\"}")
[ -n "$citizen" ] && [ "$citizen" != null ] && [ -n "$agent" ] && [ "$agent" != null ] || fail "no tokens from $API/dev/token"
center_id=$(printf 'ServiceCenter:%s' "$CENTER" | base64 -w0)
key="kube-play-$(date +%s)-$RANDOM"
SUBMIT='mutation($in: SubmitIdCardRequestInput!) { submitIdCardRequest(input: $in) {
  request { id reference status version } errors { ... on Error { code message } } } }'
submission=$(jq -nc --arg center "$center_id" --arg key "$key" '{ in: { reason: "RENEWAL", centerId: $center, idempotencyKey: $key,
  applicant: { givenName: "Amira", familyName: "Ben Salah", birthDate: "1995-02-03", nationalIdNumber: "01234567" } } }')
# A careful client retries with the same idempotency key until it hears an answer.
for attempt in $(seq 1 20); do
  answer=$(graphql "$citizen" "$SUBMIT" "$submission")
  request_id=$(echo "$answer" | jq -r '.data.submitIdCardRequest.request.id // empty' 2> /dev/null || true)
  [ -n "$request_id" ] && break
  echo "   attempt $attempt: ${answer:-no answer}" | cut -c1-300
  sleep 3
done
[ -n "$request_id" ] || fail "the submission was not acknowledged"
acknowledged_version=$(echo "$answer" | jq -r .data.submitIdCardRequest.request.version)
acknowledged_status=$(echo "$answer" | jq -r .data.submitIdCardRequest.request.status)
reference=$(echo "$answer" | jq -r .data.submitIdCardRequest.request.reference)
ok "submitted $reference ($request_id): $acknowledged_status, version $acknowledged_version"

# One step of the request's pathway as the center's agent, at the acknowledged version. Retried like the submission;
# a retry refused as VERSION_MISMATCH or INVALID_TRANSITION is reconciled by reading the request: if it shows exactly
# this step at the next version, an earlier attempt had committed unheard, and the step is acknowledged.
transition() { # mutation status-it-leads-to
  local mutation=$1 target=$2 expected=$acknowledged_version answer version code retried=false
  local query="mutation(\$in: ${mutation^}Input!) { $mutation(input: \$in) {
    request { id status version } errors { ... on Error { code message } } } }"
  for attempt in $(seq 1 30); do
    answer=$(graphql "$agent" "$query" "{\"in\":{\"requestId\":\"$request_id\",\"expectedVersion\":$expected}}")
    version=$(echo "$answer" | jq -r ".data.$mutation.request.version // empty" 2> /dev/null || true)
    if [ -n "$version" ]; then
      acknowledged_version=$version acknowledged_status=$(echo "$answer" | jq -r ".data.$mutation.request.status")
      ok "$mutation: $acknowledged_status, version $acknowledged_version (attempt $attempt)"
      return 0
    fi
    code=$(echo "$answer" | jq -r ".data.$mutation.errors[0].code // empty" 2> /dev/null || true)
    if [ -n "$code" ]; then
      if $retried && { [ "$code" = VERSION_MISMATCH ] || [ "$code" = INVALID_TRANSITION ]; } \
         && read_request | jq -e --argjson v $((expected + 1)) --arg s "$target" \
              '.data.request.history[] | select(.version == $v and .status == $s)' > /dev/null; then
        acknowledged_version=$((expected + 1)) acknowledged_status=$target
        ok "$mutation: an earlier attempt had committed ($target, version $acknowledged_version)"
        return 0
      fi
      fail "$mutation refused: $answer"
    fi
    echo "   attempt $attempt: ${answer:-no answer}" | cut -c1-300
    retried=true
    sleep 3
  done
  fail "$mutation was not acknowledged in 30 attempts"
}

# The request as the API shows it now must be exactly what was acknowledged last: status, version, one history entry
# per version.
check_request() { # what
  local current
  current=$(read_request)
  echo "$current" | jq -e --arg s "$acknowledged_status" --argjson v "$acknowledged_version" \
    '.data.request.status == $s and .data.request.version == $v and ([.data.request.history[].version] == [range(1; $v + 1)])' \
    > /dev/null || fail "$1: the API shows $current, acknowledged $acknowledged_status version $acknowledged_version"
  ok "$1: $(echo "$current" | jq -c '{ status: .data.request.status, version: .data.request.version, history: [.data.request.history[] | "\(.version) \(.status)"] }')"
}

transition startVerification VERIFYING
check_request "read back"

victim=${silos[0]}
step "kill the main process of $victim's silo container"
read -r status _ restarts_before pid_before <<< "$(container_state "$victim-silo")"
policy=$(podman inspect --format '{{.HostConfig.RestartPolicy.Name}}' "$victim-silo")
generation_before=$(query "SELECT generation FROM orleans_membership WHERE address = '${ip[$victim]}' AND status = 3")
[ "$status" = running ] && [ -n "$generation_before" ] || fail "$victim-silo is $status, generation '$generation_before'"
kill -KILL "$pid_before"
killed_at=$SECONDS
ok "kill -KILL $pid_before (restart policy: $policy, restarts so far: $restarts_before, silo generation $generation_before)"
for _ in $(seq 1 120); do
  read -r status _ restarts pid <<< "$(container_state "$victim-silo")"
  if [ "$status" = running ] && [ "$restarts" -gt "$restarts_before" ] && [ "$pid" != "$pid_before" ]; then break; fi
  sleep 1
done
[ "$status" = running ] && [ "$restarts" -gt "$restarts_before" ] \
  || fail "podman did not restart $victim-silo (state $status, restarts $restarts)"
ok "podman restarted it after $((SECONDS - killed_at)) s (restarts: $restarts, new pid $pid)"
wait_ready "$victim" "http://${ip[$victim]}:8081" silo
ok "ready again $((SECONDS - killed_at)) s after the kill"

step "the request after the kill, moved on through the API"
check_request "read after the kill"
transition confirmVerification AWAITING_PAYMENT
check_request "read back"

step "nothing lost"
stored=$(query "SELECT convert_from(payload, 'UTF8') FROM orleans_storage WHERE grain_type = 'citizen-request' AND payload IS NOT NULL")
[ "$(echo "$stored" | grep -c .)" = 1 ] || fail "expected 1 stored request, found: $stored"
echo "$stored" | jq -e --argjson v "$acknowledged_version" '.Version == $v' > /dev/null \
  || fail "the stored request is at version $(echo "$stored" | jq .Version), acknowledged $acknowledged_version"
ok "stored state: one request, version $acknowledged_version"
for _ in $(seq 1 60); do
  membership=$(query "SELECT address || ':' || port || ' gen ' || generation || ' ' || status FROM orleans_membership ORDER BY address, generation")
  active=$(query "SELECT count(DISTINCT address) FROM orleans_membership WHERE status = 3")
  old=$(query "SELECT status FROM orleans_membership WHERE address = '${ip[$victim]}' AND generation = $generation_before")
  [ "$active" = 2 ] && [ "$(active_silos)" = 2 ] && [ "$old" = 6 ] && break
  sleep 2
done
[ "$active" = 2 ] && [ "$(active_silos)" = 2 ] && [ "$old" = 6 ] \
  || fail "membership (address:port gen generation status; 3 active, 6 dead): $(echo "$membership" | paste -sd ';')"
ok "membership: both silos active, the killed incarnation dead ($(echo "$membership" | paste -sd ';' | sed 's/;/; /g'))"

echo "== all checks passed in $((SECONDS - started)) s"
