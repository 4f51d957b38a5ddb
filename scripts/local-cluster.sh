#!/usr/bin/env bash
# A local multi-silo cluster on PostgreSQL: builds silo and api, applies the migrations (silo migrate), starts two
# silo processes and the API (cluster mode, Development, demo data) on http://127.0.0.1:5080, all in the background,
# everything on 127.0.0.1. Logs and process ids go to a temp directory.
#
#   scripts/local-cluster.sh [start] [--fast-failover]   start (PostgreSQL too, via scripts/local-postgres.sh, if no
#                                                         ConnectionStrings__Postgres is set)
#   scripts/local-cluster.sh status                       which processes run, their health
#   scripts/local-cluster.sh kill-silo N                  kill -9 silo N (1 or 2), to watch the cluster cope
#   scripts/local-cluster.sh stop                         SIGTERM to each process it started (SIGKILL after 30 s)
#
# --fast-failover applies the fault test profile: a killed silo is declared dead in seconds, not in a minute or more.
# Settings (environment): ConnectionStrings__Postgres, ACTORS_CLUSTER_DIR (default /tmp/actors-local-cluster),
# API_PORT (5080), CONFIGURATION (Debug). Silos: 11111/30000 (health 8081) and 11112/30001 (health 8082).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${ACTORS_CLUSTER_DIR:-/tmp/actors-local-cluster}"
API_PORT="${API_PORT:-5080}"
CONFIGURATION="${CONFIGURATION:-Debug}"
SILO_DLL="$ROOT/silo/bin/$CONFIGURATION/net10.0/Actors.Silo.dll"
API_DLL="$ROOT/api/bin/$CONFIGURATION/net10.0/Actors.Api.dll"
NAMES=(silo1 silo2 api)

pid_of() { [[ -f "$DIR/$1.pid" ]] && cat "$DIR/$1.pid"; }
alive() { local pid; pid="$(pid_of "$1" || true)"; [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; }

wait_ready() { # name url
  for _ in $(seq 1 180); do
    if ! alive "$1"; then echo "$1 exited; see $DIR/$1.log:" >&2; tail -30 "$DIR/$1.log" >&2; return 1; fi
    if curl -fsS -o /dev/null "$2/health/ready" 2>/dev/null; then echo "$1 ready ($2)"; return 0; fi
    sleep 0.5
  done
  echo "$1 not ready after 90 s; see $DIR/$1.log" >&2
  return 1
}

launch() { # name dll [args...] — environment prepared by the caller
  local name="$1" dir; shift
  dir="$(dirname "$1")"
  # exec: the background job becomes the dotnet process itself, so $! is its pid (and no shell lingers on our output).
  (cd "$dir" && exec setsid dotnet "$@" >"$DIR/$name.log" 2>&1 </dev/null) &
  echo $! >"$DIR/$name.pid"
}

start() {
  local fast=0
  [[ "${1:-}" == "--fast-failover" ]] && fast=1
  for name in "${NAMES[@]}"; do
    if alive "$name"; then echo "$name is already running (pid $(pid_of "$name")); run '$0 stop' first." >&2; exit 1; fi
  done
  mkdir -p "$DIR"

  if [[ -z "${ConnectionStrings__Postgres:-}" ]]; then
    ConnectionStrings__Postgres="$("$ROOT/scripts/local-postgres.sh" start | tail -1)"
  fi
  export ConnectionStrings__Postgres
  echo "PostgreSQL: $ConnectionStrings__Postgres"

  echo "Building silo and api ($CONFIGURATION)..."
  dotnet build "$ROOT/silo" -c "$CONFIGURATION" -v q -nologo >"$DIR/build.log" 2>&1 || { tail -30 "$DIR/build.log" >&2; exit 1; }
  dotnet build "$ROOT/api" -c "$CONFIGURATION" -v q -nologo >>"$DIR/build.log" 2>&1 || { tail -30 "$DIR/build.log" >&2; exit 1; }

  echo "Migrating..."
  (cd "$(dirname "$SILO_DLL")" && dotnet "$SILO_DLL" migrate)

  export Orleans__ClusterId="${Orleans__ClusterId:-actors-local}" Orleans__ServiceId="${Orleans__ServiceId:-actors}"
  export Orleans__AdvertisedAddress=127.0.0.1 ASPNETCORE_ENVIRONMENT=Development
  if [[ "$fast" == 1 ]]; then
    export Orleans__Membership__ProbeTimeout=00:00:01 Orleans__Membership__NumMissedProbesLimit=2 \
      Orleans__Membership__NumVotesForDeathDeclaration=1 Orleans__Membership__TableRefreshTimeout=00:00:02 \
      Orleans__Membership__IAmAliveTablePublishTimeout=00:00:02 Orleans__Membership__DeathVoteExpirationTimeout=00:00:20 \
      Orleans__Messaging__ResponseTimeout=00:00:10 Orleans__Gateway__GatewayListRefreshPeriod=00:00:01
  fi

  local i
  for i in 1 2; do
    Orleans__SiloPort=$((11110 + i)) Orleans__GatewayPort=$((29999 + i)) Urls="http://127.0.0.1:$((8080 + i))" \
      launch "silo$i" "$SILO_DLL"
  done
  wait_ready silo1 http://127.0.0.1:8081
  wait_ready silo2 http://127.0.0.1:8082

  Demo__Seed=true launch api "$API_DLL" --urls "http://127.0.0.1:$API_PORT"
  wait_ready api "http://127.0.0.1:$API_PORT"
  echo
  echo "GraphQL:  http://127.0.0.1:$API_PORT/graphql   GraphiQL: http://127.0.0.1:$API_PORT/graphiql"
  echo "Token:    curl -s -X POST http://127.0.0.1:$API_PORT/dev/token -H 'Content-Type: application/json' -d '{\"role\":\"CITIZEN\",\"subject\":\"me\"}'"
  echo "Logs:     $DIR/{silo1,silo2,api}.log      Stop: $0 stop"
}

status() {
  local name port
  for name in "${NAMES[@]}"; do
    case "$name" in silo1) port=8081 ;; silo2) port=8082 ;; api) port="$API_PORT" ;; esac
    if alive "$name"; then
      if curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null; then
        echo "$name: running (pid $(pid_of "$name")), ready"
      else
        echo "$name: running (pid $(pid_of "$name")), not ready"
      fi
    else
      echo "$name: not running"
    fi
  done
}

stop() {
  local name pid
  for name in api silo1 silo2; do
    if alive "$name"; then
      pid="$(pid_of "$name")"
      kill -TERM "$pid"
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; echo "$name: killed (no exit within 30 s)"; else echo "$name: stopped"; fi
    fi
    rm -f "$DIR/$name.pid"
  done
  echo "Logs stay in $DIR. PostgreSQL keeps running: scripts/local-postgres.sh stop"
}

case "${1:-start}" in
  start) start "${2:-}" ;;
  status) status ;;
  stop) stop ;;
  kill-silo)
    name="silo${2:?usage: $0 kill-silo 1|2}"
    alive "$name" || { echo "$name is not running" >&2; exit 1; }
    kill -KILL "$(pid_of "$name")"
    echo "$name: kill -9 sent"
    ;;
  *) echo "usage: $0 [start [--fast-failover]|status|kill-silo N|stop]" >&2; exit 2 ;;
esac
