#!/usr/bin/env bash
# A private, throwaway PostgreSQL 15 server for the test suite.
#
#   bash scripts/postgres.sh start    # start (or reuse) it; prints DATABASE_URL
#   bash scripts/postgres.sh url      # print DATABASE_URL
#   bash scripts/postgres.sh status   # exit 0 if running
#   bash scripts/postgres.sh fresh    # start (or reuse) it, drop and recreate the database; prints DATABASE_URL
#   bash scripts/postgres.sh dropdb   # drop the database (the server keeps running)
#   bash scripts/postgres.sh stop     # stop it and delete its data dir
#
# Environment:
#   PGPORT_TEST      port (default 55432); listens on 127.0.0.1 only
#   PGDATABASE_TEST  database created for the project (default jospar_test)
#   PG_KEEP_DATA=1   `stop` keeps the data dir
#
# Data, log and unix socket live in /tmp/jospar-pg-<port>, owned by the
# `postgres` OS user when run as root (initdb refuses to run as root).
# Authentication is `trust`: the server is for tests on this machine only.
set -euo pipefail

PORT="${PGPORT_TEST:-55432}"
DB="${PGDATABASE_TEST:-jospar_test}"
BASE="/tmp/jospar-pg-$PORT"
DATA="$BASE/data"
LOG="$BASE/server.log"
HOST=127.0.0.1

find_bindir() {
  if [[ -x /usr/lib/postgresql/15/bin/pg_ctl ]]; then
    echo /usr/lib/postgresql/15/bin; return
  fi
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
  if [[ -n "$d" && -x "$d/pg_ctl" ]]; then echo "$d"; return; fi
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; return; fi
  echo "error: PostgreSQL server binaries not found (apt-get install postgresql-15)" >&2
  exit 1
}
BIN="$(find_bindir)"

# Run server-side commands as the `postgres` user when we are root.
if [[ "$(id -u)" -eq 0 ]]; then
  getent passwd postgres >/dev/null || { echo "error: no 'postgres' OS user (install postgresql-15)" >&2; exit 1; }
  OWNER=postgres
  as_owner() { (cd "$BASE" && runuser -u postgres -- "$@"); }
else
  OWNER="$(id -un)"
  as_owner() { (cd "$BASE" && "$@"); }
fi

url() { echo "postgres://postgres@$HOST:$PORT/$DB"; }

# Running = pg_ctl sees a live postmaster AND it accepts connections (a
# killed postmaster can linger as a zombie that pg_ctl still reports).
is_running() {
  [[ -f "$DATA/PG_VERSION" ]] || return 1
  as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1 || return 1
  "$BIN/pg_isready" -q -h "$BASE" -p "$PORT" -t 5 >/dev/null 2>&1
}

psql_admin() {
  "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$BASE" -p "$PORT" -U postgres -d postgres "$@"
}

ensure_db() {
  local exists
  exists="$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")"
  if [[ "$exists" != "1" ]]; then
    psql_admin -c "CREATE DATABASE \"$DB\" TEMPLATE template0 ENCODING 'UTF8'"
  fi
}

start() {
  mkdir -p "$BASE"
  chown "$OWNER" "$BASE"
  chmod 700 "$BASE"

  # Serialise concurrent `start`s on the same port.
  exec 9>"/tmp/jospar-pg-$PORT.lock"
  flock -w 60 9

  if is_running; then
    echo "postgres: reusing server in $DATA" >&2
  else
    if [[ -f "$DATA/postmaster.pid" ]]; then
      # Left over by a crashed or killed server: throw it away and start clean.
      echo "postgres: discarding stale server state in $BASE" >&2
      as_owner "$BIN/pg_ctl" -D "$DATA" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
      rm -rf "$DATA" "$BASE"/.s.PGSQL.*
    fi
    if [[ ! -f "$DATA/PG_VERSION" ]]; then
      rm -rf "$DATA"
      as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 >"$BASE/initdb.log" 2>&1 \
        || { cat "$BASE/initdb.log" >&2; exit 1; }
    fi
    # Something else on the port? Fail with a clear message rather than a timeout.
    if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then
      echo "error: port $PORT on $HOST is taken by another process; set PGPORT_TEST" >&2
      exit 1
    fi
    # Durability is pointless for a test server: turn it off for speed.
    if ! as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start -o \
      "-c listen_addresses=$HOST -p $PORT -k $BASE -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      >/dev/null 9>&-; then   # 9>&-: the server must not inherit the lock
      echo "error: PostgreSQL failed to start; log follows" >&2
      tail -n 40 "$LOG" >&2 || true
      exit 1
    fi
    echo "postgres: started $("$BIN/postgres" --version | awk '{print $3}') on $HOST:$PORT (data $DATA)" >&2
  fi
  ensure_db
  url
}

dropdb() {
  is_running && psql_admin -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"
}

fresh() {
  start >/dev/null
  dropdb
  ensure_db
  url
}

stop() {
  if is_running; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
    echo "postgres: stopped server on port $PORT" >&2
  else
    echo "postgres: no server running on port $PORT" >&2
  fi
  if [[ "${PG_KEEP_DATA:-0}" != "1" ]]; then
    rm -rf "$BASE" "/tmp/jospar-pg-$PORT.lock"
  fi
}

case "${1:-}" in
  start)  start ;;
  stop)   stop ;;
  fresh)  fresh ;;
  dropdb) dropdb ;;
  url)    url ;;
  status) if is_running; then echo "running on $HOST:$PORT"; else echo "not running"; exit 1; fi ;;
  *)      echo "usage: $0 start|stop|url|status|fresh|dropdb" >&2; exit 2 ;;
esac
