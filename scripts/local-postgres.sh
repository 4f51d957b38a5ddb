#!/usr/bin/env bash
# A throwaway local PostgreSQL for the cluster mode: initdb + pg_ctl from the Debian package in a directory of its own,
# listening on 127.0.0.1 only, with a database "actors". Runs as the "postgres" user when you are root.
#
#   scripts/local-postgres.sh [start]   start (or find running) and print the connection string
#   scripts/local-postgres.sh status    say whether it runs, and print the connection string
#   scripts/local-postgres.sh stop      stop it and delete its directory (everything in it is gone)
#
# Settings (environment): ACTORS_PG_DIR (default /tmp/actors-local-pg), ACTORS_PG_PORT (default 55432),
# ACTORS_PG_BIN (default: the newest /usr/lib/postgresql/*/bin).
# The connection string is also written to $ACTORS_PG_DIR/connection-string, where scripts/local-cluster.sh finds it.
set -euo pipefail

DIR="${ACTORS_PG_DIR:-/tmp/actors-local-pg}"
PORT="${ACTORS_PG_PORT:-55432}"
DATA="$DIR/data"
CONNECTION="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=actors"

find_bin() {
  if [[ -n "${ACTORS_PG_BIN:-}" && -x "$ACTORS_PG_BIN/initdb" ]]; then echo "$ACTORS_PG_BIN"; return; fi
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n | tail -1 || true)"
  if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
    if [[ "$(id -u)" == 0 ]]; then
      echo "PostgreSQL server not installed: installing it (apt-get install -y postgresql)..." >&2
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
      bin="$(ls -d /usr/lib/postgresql/*/bin | sort -t/ -k5 -n | tail -1)"
    else
      echo "PostgreSQL server not installed. Run: sudo apt-get update && sudo apt-get install -y postgresql" >&2
      exit 1
    fi
  fi
  echo "$bin"
}

# Runs a PostgreSQL tool as the owner of the data directory ("postgres" when we are root).
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

running() {
  [[ -d "$DATA" ]] && as_owner "$BIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1
}

BIN="$(find_bin)"

case "${1:-start}" in
  start)
    if running; then
      echo "Already running in $DIR." >&2
    else
      mkdir -p "$DIR"
      if [[ "$(id -u)" == 0 ]]; then chown postgres: "$DIR"; fi
      if [[ ! -d "$DATA" ]]; then
        as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
          || { cat "$DIR/initdb.log" >&2; exit 1; }
      fi
      # Loopback only; durable defaults (fsync, synchronous_commit on); enough connections for 2 silos and an API.
      as_owner "$BIN/pg_ctl" start -w -t 60 -D "$DATA" -l "$DIR/server.log" \
        -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c timezone=Africa/Tunis" >/dev/null \
        || { tail -20 "$DIR/server.log" >&2; exit 1; }
    fi
    if ! as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'actors'" | grep -q 1; then
      as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qc "CREATE DATABASE actors"
    fi
    echo "$CONNECTION" >"$DIR/connection-string"
    echo "$CONNECTION"
    ;;
  status)
    if running; then echo "running: $CONNECTION"; else echo "not running"; exit 1; fi
    ;;
  stop)
    if running; then as_owner "$BIN/pg_ctl" stop -w -m fast -D "$DATA" >/dev/null; fi
    rm -rf "$DIR"
    echo "stopped; $DIR removed"
    ;;
  *)
    echo "usage: $0 [start|status|stop]" >&2
    exit 2
    ;;
esac
