#!/usr/bin/env bash
# Start (or stop) a throwaway PostgreSQL server on 127.0.0.1 for tests and benchmarks.
#   scripts/postgres.sh start   installs Debian's postgresql if needed, starts a cluster, prints DATABASE_URL
#   scripts/postgres.sh stop    stops it
#   scripts/postgres.sh restart stops it, waits PG_DOWN_SECONDS (default 0), starts it again with its data
# PG_FRESH=1 with start drops PG_DB first, so it begins empty (the smoke stage's fresh database).
# The cluster lives in PG_DIR (default /tmp/exchange-pg), owned by the postgres user,
# because PostgreSQL refuses to run as root.
set -euo pipefail

PG_PORT="${PG_PORT:-55432}"
PG_DIR="${PG_DIR:-/tmp/exchange-pg}"
PG_DB="${PG_DB:-exchange}"

as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$bindir" ] || return 1
  echo "$bindir"
}

install_postgres() {
  if pg_bin >/dev/null; then return; fi
  echo "Installing PostgreSQL from Debian packages..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
}

serve() {
  as_postgres "$1/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2
}

start() {
  install_postgres
  local bin; bin=$(pg_bin)
  if [ -f "$PG_DIR/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$PG_DIR" status >/dev/null 2>&1; then
    echo "PostgreSQL already running in $PG_DIR" >&2
  else
    rm -rf "$PG_DIR"
    mkdir -p "$PG_DIR"
    chown postgres:postgres "$PG_DIR" 2>/dev/null || true
    as_postgres "$bin/initdb" -D "$PG_DIR" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    serve "$bin"
  fi
  if [ "${PG_FRESH:-0}" = "1" ]; then
    as_postgres "$bin/dropdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres --if-exists --force "$PG_DB" >&2
  fi
  as_postgres "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='$PG_DB'" \
    | grep -q 1 || as_postgres "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$PG_DB"
  echo "postgres://postgres@127.0.0.1:$PG_PORT/$PG_DB"
}

stop() {
  local bin; bin=$(pg_bin) || exit 0
  if [ -d "$PG_DIR" ]; then
    as_postgres "$bin/pg_ctl" -D "$PG_DIR" -m fast stop >/dev/null 2>&1 || true
  fi
}

restart() {
  # The data stays (unlike start, which begins a fresh cluster when none is running).
  local bin; bin=$(pg_bin)
  as_postgres "$bin/pg_ctl" -D "$PG_DIR" -m fast -w stop >&2
  sleep "${PG_DOWN_SECONDS:-0}"
  serve "$bin"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) restart ;;
  *) echo "usage: $0 start|stop|restart" >&2; exit 2 ;;
esac
