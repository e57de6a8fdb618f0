#!/usr/bin/env bash
# make loadtest: a PostgreSQL primary and streaming replica, two gunicorn app servers behind HAProxy, all on
# loopback; locust's journeys of every role through it; prints LOAD lines (README: Load test and scale-out).
#
# Ports (LOADTEST_PORT_BASE, default 55480): primary +2, replica +3. HTTP: the balancer 127.0.0.1:8180, the
# app servers :8181 and :8182. Everything it starts is stopped, and its folder under /tmp removed, on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
T0=$(date +%s)
BASE_PORT="${LOADTEST_PORT_BASE:-55480}"
PRIMARY_PORT=$((BASE_PORT + 2)) REPLICA_PORT=$((BASE_PORT + 3))
WORK="$(mktemp -d /tmp/jospar-loadtest-XXXXXX)"
chmod 755 "$WORK"

# --- packages: Debian's PostgreSQL 15 and HAProxy; locust in the venv (the optional `loadtest` extra) -------
bash scripts/ensure_system_packages.sh --runtime
missing=()
for pkg in haproxy postgresql-15 postgresql-client-15; do
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" == "installed" ]] || missing+=("$pkg")
done
if ((${#missing[@]})); then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
bash scripts/ensure_venv.sh
[[ -x .venv/bin/locust ]] || .venv/bin/python -m pip install -q -e '.[test,loadtest]'
PY=.venv/bin/python
BIN=/usr/lib/postgresql/15/bin

if [[ "$(id -u)" -eq 0 ]]; then
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

# --- clean-up, even on failure -------------------------------------------------------------------------
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for dir in replica primary; do
    [[ -f "$WORK/$dir/postmaster.pid" ]] && as_pg "$BIN/pg_ctl" -D "$WORK/$dir" -m immediate -w stop >/dev/null 2>&1
  done
  sleep 3
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
  echo "loadtest: done in $(( $(date +%s) - T0 )) s" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- PostgreSQL: a primary and its streaming replica (pg_basebackup -R), trust on 127.0.0.1 ---------------
[[ "$(id -u)" -eq 0 ]] && chown postgres "$WORK"
pg_start() {  # data dir, port
  as_pg "$BIN/pg_ctl" -D "$1" -l "$1.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $2 -k $WORK -c max_connections=200 -c shared_buffers=256MB" >/dev/null
}
as_pg "$BIN/initdb" -D "$WORK/primary" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
pg_start "$WORK/primary" "$PRIMARY_PORT"
as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$WORK/replica" -R -X stream
pg_start "$WORK/replica" "$REPLICA_PORT"
echo "loadtest: PostgreSQL primary on $PRIMARY_PORT, streaming replica on $REPLICA_PORT" >&2

# --- settings: production (DEBUG off), plain http on loopback -------------------------------------------
export DATABASE_URL="postgres://postgres@127.0.0.1:$PRIMARY_PORT/jospar"
export DATABASE_REPLICA_URL="postgres://postgres@127.0.0.1:$REPLICA_PORT/jospar"
export DEBUG=false SITE_URL=http://127.0.0.1:8180 ALLOWED_HOSTS=127.0.0.1,localhost
export SECRET_KEY="$($PY -c 'import secrets; print(secrets.token_urlsafe(64))')"
export SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false SECURE_HSTS_SECONDS=0
export CSRF_TRUSTED_ORIGINS=http://127.0.0.1:8180 TRUSTED_PROXY_COUNT=1 LOG_LEVEL=ERROR ACCESS_LOG=true LOG_FORMAT=json
export STATIC_ROOT="$WORK/static" MEDIA_ROOT="$WORK/media" BACKUP_DIR="$WORK/backups"
export EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres jospar
$PY manage.py compilemessages --ignore=.venv -v 0
$PY manage.py migrate --no-input -v 0
$PY manage.py collectstatic --no-input -v 0
$PY manage.py load_demo >/dev/null
$PY -m loadtest.prepare "$WORK/journeys.json"

# --- two app servers behind HAProxy --------------------------------------------------------------------
for port in 8181 8182; do
  GUNICORN_BIND="127.0.0.1:$port" GUNICORN_WORKERS="${LOADTEST_WORKERS:-2}" \
    setsid .venv/bin/gunicorn -c deploy/gunicorn.conf.py jospar.wsgi >"$WORK/gunicorn-$port.log" 2>&1 &
  pids+=($!)
  echo "$!" >"$WORK/gunicorn-$port.pid"
  disown "$!"  # killed on purpose in the run: no job notice
done
$PY -m loadtest.haproxy >"$WORK/haproxy.cfg"
setsid haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
pids+=($!)
disown "$!"
$PY -m loadtest.wait http://127.0.0.1:8180/healthz http://127.0.0.1:8181/healthz http://127.0.0.1:8182/healthz

# --- the phases; the app server and the replica are stopped by the run itself --------------------------
export LOADTEST_KILL_APP="$WORK/gunicorn-8182.pid"
export LOADTEST_STOP_REPLICA="$BIN/pg_ctl -D $WORK/replica -m immediate -w stop"
[[ "$(id -u)" -eq 0 ]] && LOADTEST_STOP_REPLICA="runuser -u postgres -- $LOADTEST_STOP_REPLICA"
$PY -m loadtest.run "$WORK/journeys.json"
$PY -m loadtest.servertime "$WORK/journeys.json" "$WORK"/gunicorn-*.log

# --- backup and restore drill of what the run left -------------------------------------------------------
unset DATABASE_REPLICA_URL
$PY manage.py backup >/dev/null
drill_rc=0
$PY manage.py restore_drill >"$WORK/drill.log" 2>&1 || drill_rc=$?
$PY -m loadtest.drill "$drill_rc" "$WORK/drill.log"
